import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateSnapshotDto } from 'src/modules/analytics/dto/create-snapshot.dto';
import { SnapshotResponseDto } from 'src/modules/analytics/dto/snapshot-response.dto';
import { SnapshotService } from 'src/modules/analytics/snapshot.service';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

@ApiTags('analytics: snapshots')
@Auth(Role.Analyst)
@Controller('analytics/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotService) {}

  @Post()
  @ApiOperation({ summary: "Save the plan's current and projected rating, per-measure figures and an intervention plan to portfolio_analysis" })
  @ApiCreatedResponse({ type: SnapshotResponseDto })
  @ApiBadRequestResponse({ description: 'A field is invalid; `errors[]` names each one' })
  @ApiConflictResponse({ description: 'No contract profile has been set yet' })
  create(@Body() body: CreateSnapshotDto): Promise<SnapshotResponseDto> {
    return this.snapshots.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A saved snapshot' })
  @ApiOkResponse({ type: SnapshotResponseDto })
  @ApiNotFoundResponse({ description: 'No snapshot has this id' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SnapshotResponseDto> {
    return this.snapshots.get(id);
  }
}
