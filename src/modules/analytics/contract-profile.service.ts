import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { ContractProfileNotFoundError, ContractProfileRequiredError } from 'src/modules/analytics/analytics.errors';
import { contractPartsOf, contractProblems } from 'src/modules/analytics/contract-dto';
import { ContractParts } from 'src/modules/analytics/contract-parts';
import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';
import { ContractProfileRepository } from 'src/modules/analytics/contract-profile.repository';
import { ContractProfileDto } from 'src/modules/analytics/dto/contract-profile.dto';
import { ContractProfileResponseDto } from 'src/modules/analytics/dto/contract-profile-response.dto';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { MeasuresService } from 'src/modules/measures/measures.service';

/** The plan's contract profile: set by an admin, read by analysts and by the plan's own rating. */
@Injectable()
export class ContractProfileService {
  constructor(
    private readonly profiles: ContractProfileRepository,
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  async replace(dto: ContractProfileDto, actor: string): Promise<ContractProfileResponseDto> {
    const method = loadStarMethod(this.env.STAR_YEAR);
    // The 12 predicted measures come from stored data; a star for them here would be silently ignored.
    const reserved = new Map(
      this.measures.list().map((m) => [m.cms_id, `is ${m.code}, rated from stored predictions; leave it out of the profile`]),
    );
    const problems = contractProblems(method, dto, reserved);
    if (problems.length > 0) throw new ValidationFailedError('One or more fields are invalid.', problems);
    const parts = contractPartsOf(dto);
    const saved = await this.profiles.replace(
      {
        contractId: parts.contractId,
        ratedAs: parts.ratedAs,
        snp: parts.snp,
        puertoRicoOnly: parts.puertoRicoOnly,
        measureStars: { ...parts.measureStars },
        caiPartC: parts.cai.partC ?? null,
        caiPartD: parts.cai.partD ?? null,
        caiOverall: parts.cai.overall ?? null,
        disasterPercent: { ...parts.disasterPercent },
        enrollment: dto.enrollment ?? null,
        benchmarkPmpmCents: dto.benchmark_pmpm_cents ?? null,
        bidPmpmCents: dto.bid_pmpm_cents ?? null,
        doubleBonusShare: dto.double_bonus_share ?? 0,
        newPlan: dto.new_plan ?? false,
        updatedBy: actor,
      },
      this.clock.now(),
    );
    return toResponse(saved);
  }

  async get(): Promise<ContractProfileResponseDto> {
    const profile = await this.profiles.find();
    if (!profile) throw new ContractProfileNotFoundError();
    return toResponse(profile);
  }

  /** The stored profile, for computations that cannot run without it. */
  async require(): Promise<ContractProfile> {
    const profile = await this.profiles.find();
    if (!profile) throw new ContractProfileRequiredError();
    return profile;
  }
}

export function partsOfProfile(profile: ContractProfile): ContractParts {
  return {
    contractId: profile.contractId,
    ratedAs: profile.ratedAs,
    snp: profile.snp,
    puertoRicoOnly: profile.puertoRicoOnly,
    measureStars: profile.measureStars,
    cai: {
      partC: profile.caiPartC ?? undefined,
      partD: profile.caiPartD ?? undefined,
      overall: profile.caiOverall ?? undefined,
    },
    disasterPercent: profile.disasterPercent,
  };
}

function toResponse(profile: ContractProfile): ContractProfileResponseDto {
  return {
    contract_id: profile.contractId,
    rated_as: profile.ratedAs,
    snp: profile.snp,
    puerto_rico_only: profile.puertoRicoOnly,
    measure_stars: profile.measureStars,
    cai: { part_c: profile.caiPartC, part_d: profile.caiPartD, overall: profile.caiOverall },
    disaster_percent: profile.disasterPercent,
    enrollment: profile.enrollment,
    benchmark_pmpm_cents: profile.benchmarkPmpmCents,
    bid_pmpm_cents: profile.bidPmpmCents,
    double_bonus_share: profile.doubleBonusShare,
    new_plan: profile.newPlan,
    updated_by: profile.updatedBy,
    created_at: profile.createdAt.toISOString(),
    updated_at: profile.updatedAt.toISOString(),
  };
}
