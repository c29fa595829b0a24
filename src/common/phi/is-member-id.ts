import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

/**
 * Validates a `member_id` field after the edge replaced it: a valid raw id (1–64 printable characters
 * without spaces) has become a 64-hex HMAC; an invalid one became the empty marker and fails here
 * with a message about the raw rule, never the value.
 */
export function IsMemberId(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'member_id must be a string' }),
    Matches(/^[0-9a-f]{64}$/, { message: 'member_id must be 1-64 printable characters without spaces' }),
  );
}
