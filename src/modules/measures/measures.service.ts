import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/domain-error';
import { Environment } from 'src/config/environment';
import { MeasureCatalogue, MeasureDefinition } from 'src/modules/measures/measure';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';

/**
 * The Star year's measure catalogue, loaded and validated once when the module starts, so a broken
 * data file stops the service at boot rather than failing requests later.
 */
@Injectable()
export class MeasuresService {
  private readonly catalogue: MeasureCatalogue;
  private readonly byCode: ReadonlyMap<string, MeasureDefinition>;

  constructor(env: Environment) {
    this.catalogue = loadMeasureCatalogue(env.STAR_YEAR);
    this.byCode = new Map(this.catalogue.measures.map((measure) => [measure.code, measure]));
  }

  get starYear(): number {
    return this.catalogue.star_year;
  }

  getCatalogue(): MeasureCatalogue {
    return this.catalogue;
  }

  list(): MeasureDefinition[] {
    return [...this.catalogue.measures];
  }

  /** Codes match case-insensitively (`pdc-dr` finds PDC-DR). */
  get(code: string): MeasureDefinition {
    const measure = this.byCode.get(code.trim().toUpperCase());
    if (!measure) {
      // The detail names the valid codes but never echoes the requested one.
      throw new NotFoundError(`No such measure. Valid codes: ${MEASURE_CODES.join(', ')}.`, [], {
        valid_codes: [...MEASURE_CODES],
      });
    }
    return measure;
  }
}
