import type { RejectedRow } from './index';
import { type RenderedEmail, renderEmail, type TemplateData, type TemplateName } from './index';
import { expectBothToShow, seen, textLinks } from './reading';
import { samples } from './samples';

const context = { publicUrl: 'https://lar.example.org' };

function render<T extends TemplateName>(name: T, changes: Partial<TemplateData[T]> = {}): RenderedEmail {
  return renderEmail(name, { ...samples[name], ...changes } as TemplateData[T], context);
}

const rejectedRows = (count: number): RejectedRow[] =>
  Array.from({ length: count }, (_, i) => ({ row: i + 2, reason: `ULN missing on row ${i + 2}` }));

const claims = (count: number, learners = count) =>
  Array.from({ length: count }, (_, i) => ({
    learnerName: `Learner ${i % learners}`,
    uln: `48293017${String(i % learners).padStart(2, '0')}`,
    qualificationTitle: `Level 2 Certificate ${i}`,
    qan: `600/0000/${i}`,
  }));

describe('account approved', () => {
  it('gives the User ID, the password and the sign-in address', () => {
    const email = render('account-approved');
    expect(email.subject).toBe('Your LAR account is ready');
    expectBothToShow(email, 'NGC00417', 'tK7-qm4-Wz9', 'Northgate College', 'memorable information');
    expect(textLinks(email)).toEqual(['https://lar.example.org/sign-in']);
    expect(seen.html(email)).toContain('https://lar.example.org/sign-in');
  });
});

describe('learner welcome', () => {
  it('gives the ULN, the password and the learner sign-in address', () => {
    const email = render('learner-welcome');
    expectBothToShow(email, 'Dear Amelia,', '4829301756', 'hR3-vb8-Lp2', 'Northgate College has set up');
    expect(textLinks(email)).toEqual(['https://lar.example.org/learner/sign-in']);
  });
});

describe('import report', () => {
  it('counts each outcome and links to the report and its CSV', () => {
    const email = render('import-report');
    expect(email.subject).toBe('Learners upload: 38 added, 2 rejected (autumn-intake.csv)');
    expectBothToShow(
      email,
      'autumn-intake.csv',
      '14:05 on 28 November 2026',
      'Row 4: ULN check digit should be 3, not 7',
    );
    expect(email.text).toMatch(/New learners created: +35/);
    expect(email.text).toMatch(/Already registered \(no change\): +4/);
    expectBothToShow(email, '34 new learners have been emailed', '1 new learner had no email address');
    expect(textLinks(email)).toEqual([
      'https://lar.example.org/learners/imports/imp_01JD8Z6X',
      'https://lar.example.org/api/v1/learners/imports/imp_01JD8Z6X/report.csv',
    ]);
  });

  it('lists the first 10 rejected rows and counts the rest', () => {
    const email = render('import-report', {
      counts: { created: 0, registered: 0, alreadyRegistered: 0, rejected: 57 },
      rejectedRows: rejectedRows(57),
    });
    expectBothToShow(email, 'Row 11: ULN missing on row 11', '…and 47 more rejected rows');
    expect(seen.text(email)).not.toContain('Row 12:');
    expect(email.subject).toBe('Learners upload: 0 added, 57 rejected (autumn-intake.csv)');
  });

  it('counts rows the caller did not pass, and says "1 more row" for one', () => {
    const counts = { created: 1, registered: 0, alreadyRegistered: 0, rejected: 11 };
    expectBothToShow(
      render('import-report', { counts, rejectedRows: rejectedRows(10) }),
      '…and 1 more rejected row.',
    );
    expect(
      seen.text(
        render('import-report', { counts: { ...counts, rejected: 10 }, rejectedRows: rejectedRows(10) }),
      ),
    ).not.toContain('more rejected');
  });

  it('says nothing changed when every learner was already registered', () => {
    const email = render('import-report', {
      counts: { created: 0, registered: 0, alreadyRegistered: 42, rejected: 0 },
      rejectedRows: [],
      createdWithoutEmail: 0,
    });
    expect(email.subject).toBe('Learners upload: no changes (autumn-intake.csv)');
    expectBothToShow(email, 'nothing changed');
    expect(seen.text(email)).not.toContain('Rejected rows');
  });
});

describe('possible claims digest', () => {
  it('names each learner, ULN, qualification and QAN and links to the list', () => {
    const email = render('possible-claims-digest');
    expect(email.subject).toBe('Possible claims: 2 learners at Northgate College');
    expectBothToShow(
      email,
      '3 new possible claims for 2 learners',
      'Oliver Brown, ULN 9301847265 Level 1 Award in Customer Service (QAN 600/4411/2)',
    );
    expect(textLinks(email)).toEqual(['https://lar.example.org/claims']);
  });

  it('says "1 learner" and "1 new possible claim" for one', () => {
    const email = render('possible-claims-digest', { claims: claims(1) });
    expect(email.subject).toBe('Possible claims: 1 learner at Northgate College');
    expectBothToShow(email, '1 new possible claim for 1 learner', 'The learner below has');
  });

  it('lists the first 10 claims and counts the rest', () => {
    const email = render('possible-claims-digest', { claims: claims(13, 12) });
    expect(email.subject).toBe('Possible claims: 12 learners at Northgate College');
    expectBothToShow(email, 'Level 2 Certificate 9', '…and 3 more possible claims on the list.');
    expect(seen.text(email)).not.toContain('Level 2 Certificate 10');
    expectBothToShow(
      render('possible-claims-digest', { claims: claims(11) }),
      '…and 1 more possible claim on',
    );
  });
});

describe('claim decision', () => {
  it('gives the rejection and its reason', () => {
    const email = render('claim-decision');
    expect(email.subject).toBe('Claim rejected: Oliver Brown, Level 1 Award in Customer Service');
    expectBothToShow(
      email,
      'Midlands Awarding Body rejected the claim on 27 November 2026',
      'Unit evidence for H/502/4567',
    );
    expect(textLinks(email)).toEqual(['https://lar.example.org/claims/clm_7731']);
  });

  it('gives an award', () => {
    const { reason: _, ...rest } = samples['claim-decision'] as TemplateData['claim-decision'] & {
      reason: string;
    };
    const email = renderEmail('claim-decision', { ...rest, decision: 'awarded' }, context);
    expect(email.subject).toBe('Claim awarded: Oliver Brown, Level 1 Award in Customer Service');
    expectBothToShow(email, "It now appears on the learner's record");
    expect(seen.text(email)).not.toContain('reason');
  });
});

describe('permission granted', () => {
  it('names the learner, the sections in record order and the expiry, and links to Select LAR', () => {
    const email = render('permission-granted');
    expectBothToShow(
      email,
      'Amelia Khan',
      '4829301756',
      'units achieved and qualifications achieved',
      '23:59 on 26 February 2027',
    );
    expect(textLinks(email)).toEqual(['https://lar.example.org/select-lar']);
  });
});

describe('record viewed', () => {
  it('says who viewed which sections and when, in UK summer time', () => {
    const email = render('record-viewed');
    expect(email.subject).toBe('Harbour Logistics Ltd viewed your learner record');
    expectBothToShow(
      email,
      '14:05 on 1 July 2026',
      'units achieved and qualifications achieved',
      'To stop these emails',
    );
    expect(textLinks(email)).toEqual([
      'https://lar.example.org/my-record/access-log',
      'https://lar.example.org/my-record/permissions',
      'https://lar.example.org/profile',
    ]);
  });
});

describe('password reset and email change', () => {
  it('gives a single-use reset link, its expiry and the memorable information step', () => {
    const email = render('password-reset');
    expectBothToShow(
      email,
      'works once',
      '15:05 on 28 November 2026',
      'three characters of your memorable information',
      "If it wasn't you",
    );
  });

  it('sends a confirmation link for the new address', () => {
    const email = render('email-change-confirmation');
    expectBothToShow(email, 's.patel@northgate.ac.uk', '14:05 on 29 November 2026', "If it wasn't you");
    expect(textLinks(email)).toEqual(['https://lar.example.org/profile/email/confirm?token=e7Lk2p9Q']);
  });
});
