variable "aws_region" {
  description = "AWS region for every resource."
  type        = string
}

variable "environment" {
  description = "Environment name, part of every resource name (e.g. staging, prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "name" {
  description = "Name prefix for resources."
  type        = string
  default     = "hedis"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.name))
    error_message = "name must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

# ---- network: bring your own VPC -----------------------------------------------------------------

variable "vpc_id" {
  description = "VPC that holds the database and Redis."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets, in at least two availability zones, for RDS and ElastiCache."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Give at least two private subnets (in different availability zones) for Multi-AZ."
  }
}

variable "app_security_group_ids" {
  description = "Security groups of the workloads allowed to reach PostgreSQL and Redis (EKS node or pod security groups)."
  type        = list(string)
  default     = []
}

variable "app_cidr_blocks" {
  description = "CIDR blocks allowed to reach PostgreSQL and Redis, when security groups cannot be referenced."
  type        = list(string)
  default     = []
}

# ---- PostgreSQL ----------------------------------------------------------------------------------

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t3.medium"
}

variable "db_engine_version" {
  description = "PostgreSQL version: a major version lets RDS pick and upgrade the minor one."
  type        = string
  default     = "15"
}

variable "db_allocated_storage_gb" {
  description = "Initial storage in GiB."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 200
}

variable "db_backup_retention_days" {
  description = "Automated backup (point-in-time recovery) retention. Longer-term copies belong in AWS Backup."
  type        = number
  default     = 35

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 7 and 35."
  }
}

variable "db_name" {
  description = "Database name."
  type        = string
  default     = "hedis"
}

variable "db_username" {
  description = "Master user name; the service connects as this user (see README for a least-privilege role)."
  type        = string
  default     = "hedis"
}

variable "db_ca_bundle_path" {
  description = "Where the pods mount the RDS CA bundle; written into DATABASE_URL as sslrootcert (k8s/deployment.yaml mounts hedis-db-ca at /etc/ssl/db-ca)."
  type        = string
  default     = "/etc/ssl/db-ca/ca.pem"
}

# ---- Redis ---------------------------------------------------------------------------------------

variable "redis_node_type" {
  description = "ElastiCache node type. Redis holds only rate-limit counters, so a small node is enough."
  type        = string
  default     = "cache.t4g.small"
}

variable "redis_engine_version" {
  description = "Redis OSS engine version."
  type        = string
  default     = "7.1"
}

# ---- registry and logs ---------------------------------------------------------------------------

variable "ecr_repository_name" {
  description = "ECR repository for the API image. One per account: if several environments share an account, create it once."
  type        = string
  default     = "hedis-api"
}

variable "ecr_keep_images" {
  description = "How many of the newest images the ECR lifecycle policy keeps."
  type        = number
  default     = 100
}

variable "log_retention_days" {
  description = "CloudWatch retention for the application log group. 2557 days = 7 years."
  type        = number
  default     = 2557

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (e.g. 2192 = 6 years, 2557 = 7 years, 3653 = 10 years)."
  }
}
