package io.tickstock.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CompilerTimeTest {

    @Test
    void theCompilerThreadsOfThisJvmHaveUsedSomeOfItsCpuAndNoMoreThanAllOfIt() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");

        double compiler = CompilerTime.cpuSeconds();
        double process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;

        assertThat(compiler).as("a JVM that has run JUnit has compiled something").isPositive()
                .isLessThanOrEqualTo(process + 0.01);
    }
}
