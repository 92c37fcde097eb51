-- A second city's compute-voucher program beside Hangzhou's (docs/POLICY.md rule 10): every city runs its
-- own chain of policy versions, so a version belongs to a scheme and only repeals earlier versions of the
-- same scheme. Hangzhou's versions (migration V2) are scheme 'HZ'; their rows are not touched.
alter table policy_version add column scheme text not null default 'HZ' check (scheme ~ '^[A-Z]{2,8}$');
alter table policy_version drop constraint policy_version_effective_from_key;
alter table policy_version add constraint policy_version_scheme_day unique (scheme, effective_from);
alter table policy_version alter column scheme drop default;

-- 青山市 (Qingshan, scheme 'QS') is an EXAMPLE city: its figures are the shape issue #16 asks for, not a
-- published text. 算力券 of 20% on every contract, whatever the facility, for enterprises; no SME boost, no
-- model filing required, no 智能券; at most 2,000,000 CNY per enterprise per year, never raised; contracts
-- signed from 2026-03-01, lasting at most a year, one claim per contract; 30,000,000 CNY a year.
-- Composed of the engine's named rules; only rules 11–13 (ContractTermRule) are new, Hangzhou's are unchanged.
insert into policy_version (code, effective_from, parameters, scheme, created_by, reason) values
('QS-2026', date '2026-01-01', $params$
{
  "suanli": {
    "annualBudgetFen": 3000000000,
    "eligibleBuyerTypes": ["ENTERPRISE"],
    "smeOnly": false,
    "rates": {
      "COMPUTE": {"flatBp": 2000, "byFacilityBp": null},
      "MODEL_SERVICE": {"flatBp": 2000, "byFacilityBp": null}
    },
    "filedModelRequiredFor": [],
    "smeBoost": null,
    "enterpriseCapFen": 200000000,
    "capRaisableForFoundationModels": false
  },
  "zhineng": null,
  "contract": {"programStart": "2026-03-01", "longestTermMonths": 12, "oneClaimPerContract": true}
}
$params$::jsonb, 'QS', 'migration V4', 'example second city (issue #16): 20% per contract, 2,000,000 CNY per enterprise a year, one claim per contract, signed from 2026-03-01, at most a year');
