import type { AchievementsReport, RecordedAchievement } from '@lar/shared/api';

export const ACHIEVEMENT_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';

export function anAchievement(overrides: Partial<RecordedAchievement> = {}): RecordedAchievement {
  return {
    id: ACHIEVEMENT_ID,
    uln: '9276308686',
    learnerName: 'Priya Shah',
    urn: 'F/601/7513',
    unitTitle: 'Load a cargo vessel safely',
    achievedOn: '2026-06-30',
    basis: 'credit',
    recordedAt: '2026-11-28T09:05:00.000Z',
    withdrawnAt: null,
    withdrawnReason: null,
    ...overrides,
  };
}

export const aReport: AchievementsReport = {
  recorded: 2,
  rejected: 1,
  rows: [
    { row: 2, uln: '9276308686', urn: 'F/601/7513', outcome: 'recorded', message: '', achievementId: 'a1' },
    {
      row: 3,
      uln: '1234567890',
      urn: 'F/601/7513',
      outcome: 'rejected',
      message: 'ULN: check digit should be 3, not 0',
      achievementId: null,
    },
    { row: 4, uln: '4812305178', urn: 'H/601/7514', outcome: 'recorded', message: '', achievementId: 'a2' },
  ],
};
