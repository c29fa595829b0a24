# Data stores, secrets, registry and logs for the HEDIS Star Rating Portfolio Optimizer on AWS.
# The VPC, the cluster that runs the containers (EKS or ECS), the load balancer and WAF are not created
# here: pass in the VPC, its private subnets and the workloads' security groups.

locals {
  prefix         = "${var.name}-${var.environment}"
  log_group_name = "/${var.name}/${var.environment}/api"

  # PostgreSQL and Redis accept connections only from the application, on their own port.
  data_ports = {
    db    = 5432
    redis = 6379
  }
  ingress_from_security_groups = {
    for pair in setproduct(keys(local.data_ports), var.app_security_group_ids) :
    "${pair[0]}-${pair[1]}" => { store = pair[0], source = pair[1] }
  }
  ingress_from_cidr_blocks = {
    for pair in setproduct(keys(local.data_ports), var.app_cidr_blocks) :
    "${pair[0]}-${pair[1]}" => { store = pair[0], source = pair[1] }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# ---- one customer-managed key for data at rest: RDS, ElastiCache, Secrets Manager, CloudWatch Logs ----

data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "AccountAdministersKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncryptsTheApiLogGroup"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${var.aws_region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${data.aws_partition.current.partition}:logs:${var.aws_region}:${data.aws_caller_identity.current.account_id}:log-group:${local.log_group_name}"]
    }
  }
}

resource "aws_kms_key" "data" {
  description             = "${local.prefix}: RDS, ElastiCache, Secrets Manager and CloudWatch Logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
}

resource "aws_kms_alias" "data" {
  name          = "alias/${local.prefix}-data"
  target_key_id = aws_kms_key.data.key_id
}

# ---- network access ----------------------------------------------------------------------------------

# No egress rules: Terraform removes the default allow-all, and neither store initiates connections.
resource "aws_security_group" "data" {
  for_each = local.data_ports

  name_prefix = "${local.prefix}-${each.key}-"
  description = "${local.prefix} ${each.key}: from the application only"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${local.prefix}-${each.key}"
  }

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = length(var.app_security_group_ids) + length(var.app_cidr_blocks) > 0
      error_message = "Set app_security_group_ids or app_cidr_blocks: otherwise nothing can reach the database."
    }
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_security_group" {
  for_each = local.ingress_from_security_groups

  security_group_id            = aws_security_group.data[each.value.store].id
  referenced_security_group_id = each.value.source
  ip_protocol                  = "tcp"
  from_port                    = local.data_ports[each.value.store]
  to_port                      = local.data_ports[each.value.store]
  description                  = "${each.value.store} from application security group"
}

resource "aws_vpc_security_group_ingress_rule" "from_cidr_block" {
  for_each = local.ingress_from_cidr_blocks

  security_group_id = aws_security_group.data[each.value.store].id
  cidr_ipv4         = each.value.source
  ip_protocol       = "tcp"
  from_port         = local.data_ports[each.value.store]
  to_port           = local.data_ports[each.value.store]
  description       = "${each.value.store} from application CIDR block"
}
