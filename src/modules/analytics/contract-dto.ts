import { FieldError } from 'src/common/errors/domain-error';
import { ContractParts } from 'src/modules/analytics/contract-parts';
import { caiProblems, disasterProblems, measureStarsProblems } from 'src/modules/analytics/contract-problems';
import { ContractBaseDto } from 'src/modules/analytics/dto/contract-base.dto';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';

/** Everything wrong with a contract's Star Ratings fields that depends on the Star year's method. */
export function contractProblems(
  method: StarMethod,
  dto: ContractBaseDto,
  reserved: ReadonlyMap<string, string> = new Map(),
): FieldError[] {
  return [
    ...measureStarsProblems(method, dto.rated_as, dto.snp ?? false, dto.measure_stars ?? {}, reserved),
    ...caiProblems(method, dto.rated_as, dto.cai),
    ...disasterProblems(dto.disaster_percent),
  ];
}

/** A checked DTO as the pure contract model (see contractProblems for the checks). */
export function contractPartsOf(dto: ContractBaseDto): ContractParts {
  return {
    contractId: dto.contract_id ?? null,
    ratedAs: dto.rated_as,
    snp: dto.snp ?? false,
    puertoRicoOnly: dto.puerto_rico_only ?? false,
    measureStars: { ...(dto.measure_stars ?? {}) },
    cai: { partC: dto.cai?.part_c, partD: dto.cai?.part_d, overall: dto.cai?.overall },
    disasterPercent: { ...(dto.disaster_percent ?? {}) },
  };
}
