-- One database per service: a service never reads another's.
create database enrollment;
create database settlement;
create database assistance;
create database supervision;
create database procurement;
create database his;
create database care;
create database clearing;
create database casemix;
-- the gateways' shared rate limits
create database gateway;
