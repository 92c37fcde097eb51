package org.suanli.catalog.partner;

import java.util.List;

/** The districts, counties and county-level cities of Hangzhou: where a facility may stand. */
public final class Districts {

    public static final List<String> HANGZHOU = List.of(
            "上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区",
            "桐庐县", "淳安县", "建德市");

    private Districts() {
    }

    public static boolean known(String district) {
        return district != null && HANGZHOU.contains(district);
    }
}
