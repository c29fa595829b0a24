import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContractProfileService } from 'src/modules/analytics/contract-profile.service';
import { ContractProfileDto } from 'src/modules/analytics/dto/contract-profile.dto';
import { ContractProfileResponseDto } from 'src/modules/analytics/dto/contract-profile-response.dto';
import { actorOf } from 'src/modules/auth/actor';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

@ApiTags('analytics: contract profile')
@Controller('analytics/contract-profile')
export class ContractProfileController {
  constructor(private readonly profiles: ContractProfileService) {}

  @Put()
  @Auth()
  @ApiOperation({ summary: "Set the plan's contract profile (replaces it whole)" })
  @ApiOkResponse({ type: ContractProfileResponseDto })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; `errors[]` names each one' })
  replace(@Body() body: ContractProfileDto, @Req() request: FastifyRequest): Promise<ContractProfileResponseDto> {
    return this.profiles.replace(body, actorOf(request));
  }

  @Get()
  @Auth(Role.Analyst)
  @ApiOperation({ summary: "The plan's contract profile" })
  @ApiOkResponse({ type: ContractProfileResponseDto })
  @ApiNotFoundResponse({ description: 'No profile has been set yet' })
  get(): Promise<ContractProfileResponseDto> {
    return this.profiles.get();
  }
}
