# The service's secrets, one Secrets Manager secret per environment variable, encrypted with the data key.
# Sync them into the hedis-api-secrets Kubernetes Secret (External Secrets Operator; see README.md).

resource "random_password" "hmac_key" {
  for_each = toset(["PHI_HASH_KEY", "AUDIT_CHECKPOINT_KEY"])

  length  = 64
  special = false

  # A new PHI_HASH_KEY would orphan every stored member hash, a new AUDIT_CHECKPOINT_KEY every checkpoint.
  lifecycle {
    prevent_destroy = true
  }
}

locals {
  secret_names = toset(["DATABASE_URL", "REDIS_URL", "PHI_HASH_KEY", "AUDIT_CHECKPOINT_KEY"])

  secret_values = {
    DATABASE_URL         = "postgresql://${var.db_username}:${random_password.db.result}@${aws_db_instance.this.address}:${aws_db_instance.this.port}/${var.db_name}?sslmode=verify-full&sslrootcert=${var.db_ca_bundle_path}"
    REDIS_URL            = "rediss://:${random_password.redis.result}@${aws_elasticache_replication_group.this.primary_endpoint_address}:${aws_elasticache_replication_group.this.port}"
    PHI_HASH_KEY         = random_password.hmac_key["PHI_HASH_KEY"].result
    AUDIT_CHECKPOINT_KEY = random_password.hmac_key["AUDIT_CHECKPOINT_KEY"].result
  }
}

resource "aws_secretsmanager_secret" "app" {
  for_each = local.secret_names

  name                    = "${var.name}/${var.environment}/${each.key}"
  description             = "${local.prefix}: ${each.key} for the API"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 30
}

resource "aws_secretsmanager_secret_version" "app" {
  for_each = local.secret_names

  secret_id     = aws_secretsmanager_secret.app[each.key].id
  secret_string = local.secret_values[each.key]
}

# Attach to the role that reads the secrets (the External Secrets Operator's IRSA role, or an ECS task
# execution role): read these four secrets and nothing else.
data "aws_iam_policy_document" "read_secrets" {
  statement {
    sid       = "ReadApiSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [for secret in aws_secretsmanager_secret.app : secret.arn]
  }

  statement {
    sid       = "DecryptThemThroughSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${var.aws_region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "read_secrets" {
  name        = "${local.prefix}-read-api-secrets"
  description = "Read the ${local.prefix} API secrets"
  policy      = data.aws_iam_policy_document.read_secrets.json
}
