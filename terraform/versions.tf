terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # The state holds the generated database password, Redis token and HMAC keys: keep it in an encrypted,
  # access-restricted remote backend, for example
  # backend "s3" {
  #   bucket       = "my-org-terraform-state"
  #   key          = "hedis/prod/terraform.tfstate"
  #   region       = "us-east-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge(var.tags, {
      Application = "hedis-star-rating-optimizer"
      Environment = var.environment
      ManagedBy   = "terraform"
    })
  }
}
