-- A partner's 法定代表人, registered address and contact, declared in its application: announced with its approval so
-- voucher-service can compare them with its buyers' (a related party nobody recorded). Optional, as for buyers.
alter table partner add column legal_representative text;
alter table partner add column address text;
alter table partner add column contact text;
