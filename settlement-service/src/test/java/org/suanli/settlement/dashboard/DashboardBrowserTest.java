package org.suanli.settlement.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.support.Chromium;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.Tokens;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finance user opens the dashboard in a real (headless) Chromium, logs in on Keycloak's own login page and
 * sees charts drawn from the ledger's figures. Needs Debian's {@code chromium} and {@code chromium-driver}.
 * Program year 2034 is this class's.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class DashboardBrowserTest {

    static final LocalDate TODAY = LocalDate.now(Periods.SHANGHAI);
    /** A program year of this class's own (the other classes use 2030-2033; end-to-end runs use the current year). */
    static final int YEAR = 2034;
    static final String RUN = Long.toString(System.nanoTime(), 36);

    @TestHTTPResource("/")
    URL root;

    Chromium chromium;

    static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(Periods.SHANGHAI).toInstant();
    }

    private static boolean prepared;

    /** Once per class, but after Quarkus has told RestAssured its port (a static @BeforeAll runs before). */
    @BeforeEach
    void ordersOfTheYear() {
        if (prepared) {
            return;
        }
        prepared = true;
        FakeVoucherService.BUDGETS.put(String.valueOf(YEAR), """
                [{"program":"SUANLI","year":%d,"budget":"250000000.00","held":"0.00","redeemed":"0.00","remaining":"250000000.00"},
                 {"program":"ZHINENG","year":%d,"budget":"50000000.00","held":"0.00","redeemed":"0.00","remaining":"50000000.00"}]""".formatted(YEAR, YEAR));
        String a = "ord-w1-" + RUN, b = "ord-w2-" + RUN, c = "ord-w3-" + RUN;
        Events.held(a, "ent-xihu-ai", YEAR, 37035, 0, noonOf(TODAY.minusDays(6)));
        Events.redeemed(a, "ent-xihu-ai", YEAR, 37035, 0, 0, 0, noonOf(TODAY.minusDays(5)));
        Events.held(b, "ent-qiantang-bio", YEAR, 1500000, 900000, noonOf(TODAY.minusDays(4)));
        Events.redeemed(b, "ent-qiantang-bio", YEAR, 1500000, 900000, 0, 0, noonOf(TODAY.minusDays(2)));
        Events.held(c, "uni-zju-ai-lab", YEAR, 0, 40000, noonOf(TODAY.minusDays(1)));
        Events.sendCompleted(Events.completed(a, "ent-xihu-ai", "ptn-hz-ascend", LocalDate.of(YEAR, 2, 1),
                noonOf(TODAY.minusDays(5)), 86415, 37035, 0, "DOMESTIC", "COMPUTE", "西湖区"));
        Events.sendCompleted(Events.completed(b, "ent-qiantang-bio", "ptn-yuhang-gpu", LocalDate.of(YEAR, 2, 3),
                noonOf(TODAY.minusDays(2)), 2600000, 1500000, 900000, "DOMESTIC", "COMPUTE", "钱塘区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath d = given().header("Authorization", Tokens.bearer("finance1")).queryParam("year", YEAR)
                    .get("/api/dashboard-data").then().statusCode(200).extract().jsonPath();
            assertEquals(2, d.getInt("ledger.orders"));
            assertEquals("15370.35", d.getString("programs[0].redeemed"));
            assertEquals("400.00", d.getString("programs[1].held"));
        });
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    WebDriver open() throws Exception {
        chromium = Chromium.open();
        return chromium.browser;
    }

    String dashboardUrl() {
        return "http://127.0.0.1:" + root.getPort() + "/dashboard?year=" + YEAR;
    }

    void logInOnKeycloak(WebDriver b, String user) {
        WebDriverWait wait = new WebDriverWait(b, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(b.getCurrentUrl().startsWith(Tokens.REALM_URL + "/protocol/openid-connect/auth"), b.getCurrentUrl());
        b.findElement(By.id("username")).sendKeys(user);
        b.findElement(By.id("password")).sendKeys("demo");
        b.findElement(By.id("kc-login")).click();
    }

    @Test
    void finance_logs_in_and_reads_the_years_figures_off_the_charts() throws Exception {
        WebDriver b = open();
        b.get(dashboardUrl());
        logInOnKeycloak(b, "finance1");

        WebDriverWait wait = new WebDriverWait(b, Duration.ofSeconds(60));
        wait.until(d -> {
            String ready = d.findElement(By.tagName("body")).getAttribute("data-ready");
            return ready != null && !ready.isEmpty();
        });
        screenshot(b, "dashboard-finance.png");
        assertEquals("true", b.findElement(By.tagName("body")).getAttribute("data-ready"),
                b.findElement(By.id("error")).getText());
        assertTrue(b.getCurrentUrl().startsWith(dashboardUrl()), "back on the dashboard after the login: " + b.getCurrentUrl());

        // the ledger's own figures, as the finance API gives them
        JsonPath ledger = given().header("Authorization", Tokens.bearer("finance1")).queryParam("year", YEAR)
                .get("/api/dashboard-data").then().statusCode(200).extract().jsonPath();
        assertEquals("15370.35", ledger.getString("ledger.suanli"));

        // key figures, exactly as the ledger has them
        assertEquals("2", kpi(b, "orders").getAttribute("data-count"));
        assertEquals("¥15,370.35", kpi(b, "suanli").getText());
        assertEquals("¥9,000.00", kpi(b, "zhineng").getText());
        assertEquals("¥26,864.15", kpi(b, "buyer-paid").getText());
        assertEquals("¥51,234.50", kpi(b, "partner-owed").getText());

        // the burn-down chart is drawn (SVG) from the redeemed/held series, with budget and forecast beside it
        JavascriptExecutor js = (JavascriptExecutor) b;
        assertEquals(List.of(370.35, 15370.35),
                numbers(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-burn-SUANLI'))"
                        + ".getOption().series[0].data.slice(-2).map(function (p) { return p[1]; })")));
        assertTrue(((Number) js.executeScript(
                "return document.querySelectorAll('#chart-burn-SUANLI svg path').length")).intValue() > 3, "lines drawn");
        String forecast = b.findElement(By.id("forecast-SUANLI")).getText();
        assertTrue(forecast.contains("¥250,000,000.00") && forecast.contains("¥15,370.35"), forecast);
        assertFalse(b.findElement(By.id("forecast-SUANLI")).getAttribute("data-exhaustion-date").isEmpty(), forecast);
        assertTrue(b.findElement(By.id("forecast-ZHINENG")).getText().contains("held ¥400.00"),
                b.findElement(By.id("forecast-ZHINENG")).getText());

        // breakdowns: the bars carry the ledger's subsidy per partner, and the SVG shows the partner names
        assertEquals(List.of("ptn-yuhang-gpu", "ptn-hz-ascend"), js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-partner')).getOption().yAxis[0].data"));
        assertEquals(List.of(15000.0, 370.35), numbers(js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-partner')).getOption().series[0].data")));
        String partnerSvg = b.findElement(By.cssSelector("#chart-partner svg")).getAttribute("innerHTML");
        assertTrue(partnerSvg.contains("ptn-yuhang-gpu") && partnerSvg.contains("¥24,000.00"), "labels drawn");
        assertTrue(b.findElement(By.cssSelector("#chart-district svg")).getAttribute("innerHTML").contains("钱塘区"));
        assertTrue(b.findElement(By.cssSelector("#chart-facility svg")).getAttribute("innerHTML").contains("DOMESTIC"));

        // top buyers, largest subsidy first
        List<WebElement> rows = b.findElements(By.cssSelector("#buyers-table tbody tr"));
        assertEquals(List.of("ent-qiantang-bio", "ent-xihu-ai"), rows.stream().map(r -> r.getAttribute("data-buyer")).toList());
        assertEquals("24,000.00", rows.get(0).findElements(By.tagName("td")).get(5).getText());
    }

    @Test
    void a_partner_who_logs_in_does_not_get_the_dashboard() throws Exception {
        WebDriver b = open();
        b.get(dashboardUrl());
        logInOnKeycloak(b, "partner1");

        new WebDriverWait(b, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + root.getPort()));
        screenshot(b, "dashboard-partner.png");
        assertTrue(b.findElements(By.id("kpis")).isEmpty(), "no figures for a partner");
        assertTrue(b.getPageSource().contains("403"), "the browser shows the refusal");
    }

    private static WebElement kpi(WebDriver b, String id) {
        return b.findElement(By.cssSelector("[data-testid=kpi-" + id + "]"));
    }

    @SuppressWarnings("unchecked")
    private static List<Double> numbers(Object jsArray) {
        return ((List<Object>) jsArray).stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    private void screenshot(WebDriver b, String name) {
        chromium.screenshot(name);
    }

}
