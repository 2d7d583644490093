package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachSeriesIsOnePathAndAGapBreaksIt() throws Exception {
        SvgChart chart = new SvgChart("t <&>", "s", "ms", false)
                .add(new SvgChart.Series("a", "#000", new double[] {0, 5, 10, 15}, new double[] {1, Double.NaN, 3, 4}))
                .add(new SvgChart.Series("b", "#111", new double[] {0, 5}, new double[] {2, 2}))
                .marker(new SvgChart.Marker(5, "x2")).limit(3, "limit");

        Document svg = parse(chart.render());

        NodeList paths = svg.getElementsByTagName("path");
        assertThat(paths.getLength()).isEqualTo(2);
        String first = paths.item(0).getAttributes().getNamedItem("d").getNodeValue();
        assertThat(first.chars().filter(c -> c == 'M').count()).as("the gap starts a new stroke").isEqualTo(2);
        assertThat(svg.getDocumentElement().getTextContent()).contains("t <&>", "x2", "limit", "a", "b");
    }

    @Test
    void aLogAxisSpansWholeDecadesAndLeavesOutWhatItCannotShow() throws Exception {
        SvgChart.Axis axis = SvgChart.Axis.log(3, 2_500);
        assertThat(axis.ticks()).containsExactly(1.0, 10.0, 100.0, 1_000.0, 10_000.0);
        assertThat(axis.fraction(100)).isEqualTo(0.5);

        String svg = new SvgChart("log", "s", "ms", true)
                .add(new SvgChart.Series("zero", "#000", new double[] {0, 1}, new double[] {0, 10})).render();
        assertThat(parse(svg).getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue())
                .as("a zero has no place on a log axis").doesNotContain("L");
    }

    @Test
    void aLinearAxisEndsOnRoundNumbers() {
        SvgChart.Axis axis = SvgChart.Axis.linear(0, 87);
        assertThat(axis.ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
        assertThat(SvgChart.number(25_000)).isEqualTo("25k");
        assertThat(SvgChart.number(1_500_000)).isEqualTo("1.5M");
        assertThat(SvgChart.number(0.25)).isEqualTo("0.25");
    }

    @Test
    void anEmptyChartStillRenders() throws Exception {
        SvgChart chart = new SvgChart("empty", "s", "ms", true);
        assertThat(chart.isEmpty()).isTrue();
        assertThat(parse(chart.render()).getDocumentElement().getNodeName()).isEqualTo("svg");
    }
}
