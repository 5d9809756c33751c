-- The clients' token buckets shared by every gateway instance (Bucket4j's PostgreSQL proxy manager; docs/adr/0029).
-- One row per registered client that has called; state is Bucket4j's serialized bucket.
create table gateway_rate_limit_bucket (
    client_id varchar(200) primary key,
    state     bytea
);
