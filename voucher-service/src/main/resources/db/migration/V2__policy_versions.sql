-- Subsidy policy versions: the figures the policy engine decides with (org.suanli.voucher.policy).
-- A contract is decided under the latest version with effective_from <= its contract date, so a later
-- version repeals the earlier ones from its first day. A new policy (e.g. HZ-2026) is a new row with its
-- own parameters, never a code change. In parameters, money is fen (0.01 CNY) and rates are basis
-- points (1/10000); a null member means "this version has none" and must be written out.
-- This file is the single source of the seeded parameters: the engine's tests read it from the classpath.
create table policy_version (
    code           text        primary key,
    effective_from date        not null unique,
    parameters     jsonb       not null,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    reason         text        not null
);

insert into policy_version (code, effective_from, parameters, created_by, reason) values
-- 杭政办函〔2023〕55号: 算力券 for SMEs buying compute, flat 30%; no 智能券, no per-enterprise cap;
-- 50,000,000 CNY a year.
('HZ-2023', date '2023-08-25', $params$
{
  "suanli": {
    "annualBudgetFen": 5000000000,
    "eligibleBuyerTypes": ["ENTERPRISE"],
    "smeOnly": true,
    "rates": {
      "COMPUTE": {"flatBp": 3000, "byFacilityBp": null}
    },
    "filedModelRequiredFor": [],
    "smeBoost": null,
    "enterpriseCapFen": null
  },
  "zhineng": null
}
$params$::jsonb, 'migration V2', '杭政办函〔2023〕55号 算力伙伴合作计划 / 算力券, in force 2023-08-25'),
-- 杭州市加快建设人工智能创新高地实施方案(2025年版): repeals HZ-2023 from 2025-07-15. 算力券 for
-- enterprises: model services on a filed model 30%, compute 30% (domestic) / 20% (other), SMEs up to
-- 500,000 CNY declared a year 50%; cap 8,000,000 CNY per enterprise; 250,000,000 CNY a year.
-- 智能券 pilot on compute: 30% / 10%; 免审配套 算力券 15% / 10%; 另行申请 stacked at most 60% / 30%.
-- The pilot names no 智能券 budget: null here, the program_budget table holds the live figure.
('HZ-2025', date '2025-07-15', $params$
{
  "suanli": {
    "annualBudgetFen": 25000000000,
    "eligibleBuyerTypes": ["ENTERPRISE"],
    "smeOnly": false,
    "rates": {
      "COMPUTE": {"flatBp": null, "byFacilityBp": {"DOMESTIC": 3000, "OTHER": 2000}},
      "MODEL_SERVICE": {"flatBp": 3000, "byFacilityBp": null}
    },
    "filedModelRequiredFor": ["MODEL_SERVICE"],
    "smeBoost": {"categories": ["COMPUTE"], "declaredCeilingFen": 50000000, "rateBp": 5000},
    "enterpriseCapFen": 800000000
  },
  "zhineng": {
    "annualBudgetFen": null,
    "eligibleBuyerTypes": ["ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE"],
    "rates": {
      "COMPUTE": {"flatBp": null, "byFacilityBp": {"DOMESTIC": 3000, "OTHER": 1000}}
    },
    "exemptMatchingSuanliRate": {"flatBp": null, "byFacilityBp": {"DOMESTIC": 1500, "OTHER": 1000}},
    "separateApplicationStackCap": {"flatBp": null, "byFacilityBp": {"DOMESTIC": 6000, "OTHER": 3000}}
  }
}
$params$::jsonb, 'migration V2', '杭州市加快建设人工智能创新高地实施方案(2025年版), in force 2025-07-15; repeals HZ-2023');
