import { Readable } from 'node:stream';
import type { AchievementInput } from '@lar/shared/api';
import { MAX_ACHIEVEMENTS_PER_BATCH } from '@lar/shared/api';
import { readCsvTable } from '../csv/read-table';

const ACHIEVEMENTS_HEADER = { columns: ['ULN', 'URN', 'AchievedOn', 'Basis'], optional: ['Basis'] } as const;

export type AchievementCsvRow =
  | { row: number; input: Partial<AchievementInput> }
  | { row: number; input: Partial<AchievementInput>; problem: string };

/**
 * The rows of an Achievements CSV (`ULN,URN,AchievedOn,Basis`; Basis may be left out and defaults to
 * credit), with the spreadsheet row numbers. File-level problems throw CsvFileError.
 */
export async function readAchievementsCsv(bytes: Buffer): Promise<AchievementCsvRow[]> {
  const rows: AchievementCsvRow[] = [];
  const table = readCsvTable(Readable.from([bytes]), {
    header: ACHIEVEMENTS_HEADER,
    maxRows: MAX_ACHIEVEMENTS_PER_BATCH,
    rows: 'achievements',
  });
  for await (const chunk of table) {
    for (const { rowNumber, raw, fieldCountError } of chunk) {
      const input = { uln: raw.ULN, urn: raw.URN, achievedOn: raw.AchievedOn, basis: raw.Basis };
      rows.push(
        fieldCountError ? { row: rowNumber, input, problem: fieldCountError } : { row: rowNumber, input },
      );
    }
  }
  return rows;
}
