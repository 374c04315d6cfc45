-- Addresses a platform named in a signed request (the Bot Connector service URL of a Teams
-- activity), so that every instance may reply where any one of them was called from.
create table trusted_endpoint (
  platform    varchar(64)   not null,
  address     varchar(2048) not null,
  expires_at  bigint        not null,
  primary key (platform, address)
);
create index trusted_endpoint_expiry on trusted_endpoint (expires_at);
