package org.suanli.kernel.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemLanguageTest {

    @Test
    void chineseOnlyWhenTheReaderPrefersIt() {
        assertTrue(ProblemLanguage.prefersChinese("zh-CN"));
        assertTrue(ProblemLanguage.prefersChinese("zh"));
        assertTrue(ProblemLanguage.prefersChinese("zh-Hans-CN, en;q=0.5"));
        assertTrue(ProblemLanguage.prefersChinese("fr, zh-CN;q=0.8, en;q=0.5"));
        assertFalse(ProblemLanguage.prefersChinese(null));
        assertFalse(ProblemLanguage.prefersChinese("en-US, zh-CN;q=0.9"));
        assertFalse(ProblemLanguage.prefersChinese("*"));
        assertFalse(ProblemLanguage.prefersChinese("zh;q=0, en"));
        assertFalse(ProblemLanguage.prefersChinese("not a language range ;;"));
    }

    @Test
    void titleBySlugAndDetailByTemplateWithItsArguments() {
        Problem p = new Problem(Problem.TYPE_BASE + "not-found", "Order not found", 404,
                "Order 'ord-42' does not exist or is not yours", "/api/orders/ord-42", null);
        Problem zh = ProblemLanguage.chinese(p);
        assertEquals("未找到", zh.title());
        assertEquals("订单“ord-42”不存在或不属于您", zh.detail());
        assertEquals(p.type(), zh.type());
        assertEquals(p.instance(), zh.instance());

        Problem money = new Problem(Problem.TYPE_BASE + "invalid-request", "The request is malformed", 400,
                "amount '12.345' must be a non-negative yuan figure with at most two decimals, e.g. \"1234.50\"", null, null);
        assertEquals("金额“12.345”必须是非负的人民币元数，最多两位小数，例如 \"1234.50\"", ProblemLanguage.chinese(money).detail());
    }

    @Test
    void aDetailWithoutTemplateStaysEnglishUnderAChineseTitle() {
        Problem p = new Problem(Problem.TYPE_BASE + "not-enough-capacity", "A rule refuses this request", 422,
                "offering 'off-1' has 3.0 GPU-hours left; 5.0 were asked for", null, null);
        Problem zh = ProblemLanguage.chinese(p);
        assertEquals("容量不足", zh.title());
        assertEquals(p.detail(), zh.detail());
        // an unknown slug falls back to its status
        assertEquals("与当前状态冲突", ProblemLanguage.chinese(new Problem(Problem.TYPE_BASE + "new-rule", "x", 409, "d", null, null)).title());
    }

    @Test
    void everyChineseDetailHasTheEnglishTemplateItTranslates() throws IOException {
        Properties en = load("problems.properties");
        Properties zh = load("problems_zh_CN.properties");
        for (Map.Entry<Object, Object> e : zh.entrySet()) {
            String key = (String) e.getKey();
            if (key.contains(".detail.")) {
                assertTrue(en.containsKey(key), "no English template for " + key);
                assertFalse(((String) e.getValue()).contains("'"), key + ": a single quote is MessageFormat syntax; use “”");
            }
        }
        for (Object key : en.keySet()) {
            assertTrue(zh.containsKey(key), "no Chinese for " + key);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemLanguageTest.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
