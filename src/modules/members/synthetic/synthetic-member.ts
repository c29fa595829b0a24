import { MeasureFlags } from 'src/modules/measures/measure-code';
import { MemberRecord } from 'src/modules/members/member-record';

/** One line of the synthetic JSONL file: a member record (as the API takes it) and its year-end labels. */
export interface SyntheticMember {
  member: MemberRecord & { member_id: string };
  /** For each measure the member is eligible for: true if the gap is closed on 31 December. */
  year_end_compliance: MeasureFlags;
}

export function syntheticMemberId(seed: number, index: number): string {
  return `SYN-${seed}-${String(index + 1).padStart(7, '0')}`;
}
