package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;

/** IPv4 CIDR membership for NetworkPolicy ipBlocks ({@code cidr} minus its {@code except} ranges). */
final class Cidr {

    private Cidr() {
    }

    static boolean contains(JsonNode ipBlock, String ip) {
        if (!inRange(ipBlock.path("cidr").asText(), ip)) {
            return false;
        }
        for (JsonNode except : ipBlock.path("except")) {
            if (inRange(except.asText(), ip)) {
                return false;
            }
        }
        return true;
    }

    static boolean inRange(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
