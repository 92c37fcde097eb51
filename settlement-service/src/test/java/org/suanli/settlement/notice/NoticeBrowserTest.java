package org.suanli.settlement.notice;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.suanli.settlement.support.Chromium;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.Tokens;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member of the public opens the notice page (公示) in a real headless Chromium, without logging in: it lists a
 * granted subsidy in Chinese, an objection with a blank contact is refused with the service's own Chinese message,
 * and a complete one is filed and reaches the program office. Program year 2045 and partners of this run alone.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class NoticeBrowserTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);

    @TestHTTPResource("/")
    URL root;

    Chromium chromium;

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void the_public_reads_a_granted_subsidy_and_files_an_objection_on_the_page() throws Exception {
        String order = "ord-page-" + RUN, buyer = "ent-page-" + RUN, partner = "ptn-page-" + RUN;
        Instant completed = Instant.parse("2045-09-15T03:00:00Z");
        // contract 86,415.00: the buyer pays 49,380.00, 算力券 37,035.00
        Events.redeemedNamed(order, buyer, "杭州滨江具身智能机器人有限公司", 2045, 3703500, 0, completed);
        Events.sendCompleted(Events.completedNamed(order, buyer, partner, "杭州昇腾人工智能计算中心",
                LocalDate.of(2045, 9, 1), completed, 4938000, 3703500, 0));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .header("Authorization", Tokens.bearer("finance1")).get("/api/ledger/orders/" + order).statusCode() == 200);

        chromium = Chromium.open();
        WebDriver b = chromium.browser;
        b.get("http://127.0.0.1:" + root.getPort() + "/notice?period=2045-09");
        WebDriverWait wait = new WebDriverWait(b, Duration.ofSeconds(60));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals("算力券补贴公示", b.getTitle());

        WebElement row = b.findElement(By.cssSelector("#notice-table tbody tr[data-order='" + order + "']"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals("杭州滨江具身智能机器人有限公司", cells.get(0));
        assertEquals("杭州昇腾人工智能计算中心", cells.get(1));
        assertEquals("算力券", cells.get(2));
        assertEquals("86,415.00", cells.get(3));
        assertEquals("37,035.00", cells.get(4));
        assertEquals("2045-09-15", cells.get(5));
        assertTrue(cells.get(7).contains("提出异议"), cells.get(7));

        // a blank contact: the service refuses it, and the page says so in Chinese
        row.findElement(By.cssSelector("button.object")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
        b.findElement(By.id("reason")).sendKeys("合同金额明显高于市场价格，疑似虚报。");
        b.findElement(By.id("submit")).click();
        wait.until(d -> !d.findElement(By.id("objection-error")).getText().isEmpty());
        assertEquals("请求格式有误：字段“联系方式”不能为空", b.findElement(By.id("objection-error")).getText());
        chromium.screenshot("notice-bad-input.png");

        // complete: filed, numbered, and the line now shows the objection in progress
        b.findElement(By.id("contact")).sendKeys("0571-88888888");
        b.findElement(By.id("submit")).click();
        wait.until(d -> !d.findElement(By.id("objection-result")).getText().isEmpty());
        String id = b.findElement(By.id("objection-result")).getAttribute("data-objection");
        assertTrue(b.findElement(By.id("objection-result")).getText().startsWith("异议已受理，编号 " + id),
                b.findElement(By.id("objection-result")).getText());
        assertEquals("", b.findElement(By.id("objection-error")).getText());
        wait.until(d -> d.findElement(By.cssSelector("#notice-table tbody tr[data-order='" + order + "']"))
                .getText().contains("异议处理中"));
        chromium.screenshot("notice-objection-filed.png");
        assertFalse(b.getPageSource().contains("0571-88888888"), "the contact is never shown on the public page");

        // the program office has it, with the contact and reason as typed
        JsonPath o = given().header("Authorization", Tokens.bearer("finance1")).get("/api/objections/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(order, o.getString("orderId"));
        assertEquals("0571-88888888", o.getString("contact"));
        assertEquals("合同金额明显高于市场价格，疑似虚报。", o.getString("reason"));
        assertEquals("OPEN", o.getString("status"));
    }
}
