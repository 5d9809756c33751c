-- Owned by the shared messaging library; applied to every service's database with its own
-- history table (messaging_schema_history), so service migrations keep their own numbering.

-- Events written in the same transaction as the state change they describe, until the relay
-- has published them. Row id order is publication order.
create table outbox_event (
    id            bigserial    primary key,
    event_id      uuid         not null unique,
    topic         varchar(200) not null,
    event_key     varchar(200) not null,
    event_type    varchar(100) not null,
    event_version integer      not null,
    envelope      text         not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz
);

create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Events a consumer group has applied. The primary key is the de-duplication: a redelivered
-- event's insert conflicts, in the same transaction as the effect.
create table processed_event (
    consumer_group varchar(100) not null,
    event_id       uuid         not null,
    event_type     varchar(100) not null,
    topic          varchar(200) not null,
    kafka_partition integer     not null,
    kafka_offset   bigint       not null,
    processed_at   timestamptz  not null default now(),
    primary key (consumer_group, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
