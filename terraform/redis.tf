# ElastiCache Redis: the shared rate-limit counters. Encrypted at rest and in transit, with an AUTH token,
# one replica in another zone. No snapshots: the counters are worthless after a minute.

resource "random_password" "redis" {
  length  = 64
  special = false # URL-safe: it goes into REDIS_URL as is
}

resource "aws_elasticache_subnet_group" "this" {
  name       = local.prefix
  subnet_ids = var.private_subnet_ids
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = local.prefix
  description          = "${local.prefix}: shared API rate limits"
  engine               = "redis"
  engine_version       = var.redis_engine_version
  node_type            = var.redis_node_type
  parameter_group_name = "default.redis7"
  port                 = 6379

  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.data["redis"].id]

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  transit_encryption_enabled = true
  auth_token                 = random_password.redis.result

  snapshot_retention_limit   = 0
  auto_minor_version_upgrade = true
  maintenance_window         = "sun:05:30-sun:06:30"
}
