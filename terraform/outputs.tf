output "db_address" {
  description = "RDS endpoint host name."
  value       = aws_db_instance.this.address
}

output "db_port" {
  description = "RDS port."
  value       = aws_db_instance.this.port
}

output "redis_primary_endpoint" {
  description = "ElastiCache primary endpoint host name (TLS on port 6379)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "secret_arns" {
  description = "Secrets Manager ARN for each of the API's secret environment variables."
  value       = { for name, secret in aws_secretsmanager_secret.app : name => secret.arn }
}

output "secret_names" {
  description = "Secrets Manager name for each of the API's secret environment variables (remoteRef keys for External Secrets)."
  value       = { for name, secret in aws_secretsmanager_secret.app : name => secret.name }
}

output "read_secrets_policy_arn" {
  description = "IAM policy that reads the API's secrets; attach it to the secret-syncing role."
  value       = aws_iam_policy.read_secrets.arn
}

output "ecr_repository_url" {
  description = "Push the API image here, tagged with the git commit SHA."
  value       = aws_ecr_repository.api.repository_url
}

output "log_group_name" {
  description = "CloudWatch log group for the API's logs."
  value       = aws_cloudwatch_log_group.api.name
}

output "kms_key_arn" {
  description = "Customer-managed key encrypting RDS, ElastiCache, Secrets Manager and the log group."
  value       = aws_kms_key.data.arn
}
