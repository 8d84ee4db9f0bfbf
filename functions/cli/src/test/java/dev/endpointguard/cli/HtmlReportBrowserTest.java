package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.report.ScanDocument;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the HTML report renders in a real browser. The page for a two-account, three-VPC scan is opened by headless
 * Chromium with no way out to the network; the DOM it builds has the summary, the problems, every coverage cell and
 * every finding, and its screenshot is a real picture. Without Chromium the test fails and says how to get it.
 */
class HtmlReportBrowserTest {
  private static final Path WORK = Path.of("functions", "cli", "target", "html-report");
  private static ScanDocument document;
  private static Path page;

  @BeforeAll
  static void writePage() throws Exception {
    Files.createDirectories(WORK);
    document = ReportSamples.document();
    page = WORK.resolve("report.html");
    Files.writeString(page, HtmlReport.render(document), StandardCharsets.UTF_8);
  }

  @Test
  void chromiumBuildsTheDom_summaryProblemsGridCellsAndFindings() throws Exception {
    Document dom = Jsoup.parse(Chromium.find(WORK).dumpDom(page));

    assertThat(dom.title()).startsWith("endpoint-guard scan report, 2025-06-02 09:30:00 UTC");
    assertThat(dom.select("#summary .tile[data-key=evaluated] dd").text())
        .isEqualTo(String.valueOf(document.summary().evaluated()));
    assertThat(dom.select("#problems li")).hasSize(2);
    assertThat(dom.select("section.account")).hasSize(2);
    assertThat(dom.select("article.vpc")).hasSize(3);

    Element prod = dom.selectFirst("article.vpc[data-vpc=vpc-0a1]");
    assertThat(prod).isNotNull();
    Elements columns = prod.select("table.grid thead th[scope=col]");
    assertThat(columns.eachText()).containsExactly("Endpoint", "use1-az1 us-east-1a", "use1-az2 us-east-1b",
        "use1-az4 us-east-1d", "Covers");
    // Five Interface endpoints × three AZs; the gateway endpoint has no row.
    assertThat(prod.select("table.grid tbody tr")).hasSize(5);
    assertThat(prod.select("table.grid td.cell")).hasSize(15);
    Element ssm = prod.selectFirst("tr[data-endpoint=vpce-0ssm00000000000a1]");
    assertThat(ssm.select("td.cell").eachText())
        .containsExactly("✓ covered", "✗ plan adds", "✗ missing");
    assertThat(ssm.selectFirst("td.count").text()).isEqualTo("1 of 3 2 with the plan");
    Element ecr = prod.selectFirst("tr[data-endpoint=vpce-0ecr00000000000a1]");
    assertThat(ecr.selectFirst("td.cell[data-az=use1-az1]").text()).isEqualTo("✓ added now");
    assertThat(ecr.selectFirst("td.count").text()).isEqualTo("2 of 3");
    assertThat(prod.select(".finding[data-rule=single-az-endpoint][data-resource=vpce-0ssm00000000000a1] dd.cost")
        .text()).isEqualTo("$7.30");

    Element shared = dom.selectFirst("article.vpc[data-vpc=vpc-0shared00000000003]");
    assertThat(shared.select("table.grid thead th[scope=col]").eachText())
        .contains("use1-az1 us-east-1c", "use1-az2 us-east-1a");
    assertThat(shared.selectFirst("tr[data-endpoint=vpce-0partner0000000b3] th").text())
        .contains("vpce-svc-0partner00000000b (pendingacceptance)");
    assertThat(dom.select("#region--444455556666--eu-west-1").text()).contains("Not read: could not be read");

    assertThat(PageChecks.externalReferences(dom)).isEmpty();
  }

  @Test
  void screenshot_isARealPicture() throws Exception {
    Path png = Chromium.find(WORK).screenshot(page, WORK.resolve("report.png"), 1280, 1600);

    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(20_000);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(1600);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    // Text, tiles, and the green and red cells of the coverage tables: far from a blank or one-colour page.
    assertThat(colours.size()).isGreaterThan(50);
    assertThat(colours).anyMatch(HtmlReportBrowserTest::greenish).anyMatch(HtmlReportBrowserTest::reddish);
  }

  private static boolean greenish(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return g > 200 && r < 230 && b < 235 && g - r > 20;
  }

  private static boolean reddish(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r > 240 && g < 240 && b < 240 && r - g > 12;
  }
}
