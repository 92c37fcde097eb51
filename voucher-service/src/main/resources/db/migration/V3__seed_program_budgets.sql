-- Program budgets per year, in fen. 算力券: 50,000,000 CNY a year under HZ-2023 (2023, 2024),
-- 250,000,000 CNY under HZ-2025 (2025 on). 智能券: the pilot names no figure; 50,000,000 CNY is seeded
-- as a starting value that an admin changes through the API (audited).
insert into program_budget (program, program_year, budget_fen) values
    ('SUANLI', 2023,  5000000000),
    ('SUANLI', 2024,  5000000000),
    ('SUANLI', 2025, 25000000000),
    ('SUANLI', 2026, 25000000000),
    ('ZHINENG', 2025, 5000000000),
    ('ZHINENG', 2026, 5000000000);
