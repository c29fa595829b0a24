import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { MeasureResponseDto } from 'src/modules/measures/dto/measure-response.dto';
import { MeasureCatalogue } from 'src/modules/measures/measure';

/** The whole catalogue for one Star year: the shape of `data/measures-<year>.json`. */
export class MeasureCatalogueDto implements MeasureCatalogue {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  star_year: number;

  @ApiProperty({ example: 2024, description: 'Year of the care the Star year rates' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  measurement_year: number;

  @ApiProperty({ example: '2026.1' })
  @IsString()
  @MinLength(1)
  catalogue_version: string;

  @ApiProperty({ example: 'CMS Medicare 2026 Part C & D Star Ratings Technical Notes (updated 2025-09-25)' })
  @IsString()
  @MinLength(1)
  source: string;

  @ApiProperty({ example: 'default_interventions are planning assumptions, not published facts' })
  @IsString()
  @MinLength(1)
  interventions_note: string;

  @ApiProperty({ type: [MeasureResponseDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MeasureResponseDto)
  measures: MeasureResponseDto[];
}
