import type { RecordSectionName } from '@lar/shared/api';
import { joinAnd } from './rules-format';

/** The sections of a learner's record that can be shared, in the order the record shows them. */
export const RECORD_SECTIONS: readonly RecordSectionName[] = ['units', 'qualifications', 'progress'];

export const recordSectionLabels: Record<RecordSectionName, string> = {
  units: 'Units',
  qualifications: 'Qualifications',
  progress: 'Progress',
};

/** What each section holds, for a learner choosing what to share. */
export const recordSectionHints: Record<RecordSectionName, string> = {
  units: 'The units you have achieved, with their credit, level and date, and your credit at each level',
  qualifications: 'The qualifications you have been awarded, with the units used for each',
  progress: 'How close you are to qualifications, the units you still need and routes to achievement',
};

/** "units and qualifications": sections in words, in record order. */
export const sectionsInWords = (sections: readonly string[]) =>
  joinAnd(
    RECORD_SECTIONS.filter((section) => sections.includes(section)).map((section) =>
      recordSectionLabels[section].toLowerCase(),
    ),
  );
