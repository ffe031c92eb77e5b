import { type Block, type DetailRow, type EmailContent, paragraph } from './content';
import { countOf, formatDateTime, formatNumber } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** Rows listed in the email; the rest are in the report, so a 5,000-row mistake stays readable. */
export const rejectedRowsShown = 10;

export interface RejectedRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The validation message, naming the field: "ULN check digit should be 3, not 7". */
  reason: string;
}

/** To the centre user who uploaded a learners CSV, when processing finishes. */
export interface ImportReportData {
  recipientName: string;
  centreName: string;
  importId: string;
  /** The uploaded file's name, as the centre knows it. */
  fileName: string;
  uploadedAt: Date;
  counts: {
    /** New learners created (and registered with this centre). */
    created: number;
    /** Learners already on LAR, now registered with this centre too. */
    registered: number;
    /** Learners already registered with this centre: nothing changed. */
    alreadyRegistered: number;
    rejected: number;
  };
  /** Of `created`, those without an email address: the report holds their activation codes. */
  createdWithoutEmail: number;
  /** Rejected rows in file order; may be all of them or only the first few. */
  rejectedRows: RejectedRow[];
}

function summary(data: ImportReportData): string {
  const { created, registered, rejected } = data.counts;
  if (created + registered + rejected === 0) return 'no changes';
  const parts = [`${formatNumber(created + registered)} added`];
  if (rejected > 0) parts.push(`${formatNumber(rejected)} rejected`);
  return parts.join(', ');
}

function rejections(data: ImportReportData): Block[] {
  const total = Math.max(data.counts.rejected, data.rejectedRows.length);
  if (total === 0) return [];
  const shown = data.rejectedRows.slice(0, rejectedRowsShown);
  const hidden = total - shown.length;
  return [
    { kind: 'heading', text: 'Rejected rows' },
    paragraph('Correct these rows and upload them again; rows already processed will not be duplicated.'),
    {
      kind: 'list',
      items: shown.map((row) => `Row ${formatNumber(row.row)}: ${row.reason}`),
      ...(hidden > 0 ? { more: `…and ${countOf(hidden, 'more rejected row')}. See the full report.` } : {}),
    },
  ];
}

export function importReport(data: ImportReportData, context: MailContext): EmailContent {
  const { created, registered, alreadyRegistered, rejected } = data.counts;
  const labels = [
    'New learners created',
    'Existing learners registered',
    'Already registered (no change)',
    'Rejected',
  ];
  const rows: DetailRow[] = [created, registered, alreadyRegistered, rejected].map((count, i) => ({
    label: labels[i] ?? '',
    value: formatNumber(count),
  }));
  const params = { importId: data.importId };
  const noChange = created + registered + rejected === 0 && alreadyRegistered > 0;
  const blocks: Block[] = [
    paragraph(
      `LAR has processed ${data.fileName}, uploaded for ${data.centreName} at ${formatDateTime(data.uploadedAt)}.` +
        (noChange ? ' Every learner in it was already registered with your centre, so nothing changed.' : ''),
    ),
    { kind: 'details', rows },
  ];
  if (created > 0) {
    const withEmail = created - data.createdWithoutEmail;
    const sent =
      withEmail > 0
        ? `${countOf(withEmail, 'new learner')} ${withEmail === 1 ? 'has' : 'have'} been emailed a password ` +
          'and the learner sign-in address. '
        : '';
    const codes =
      data.createdWithoutEmail > 0
        ? data.createdWithoutEmail === 1
          ? '1 new learner had no email address: give them the activation code shown in the report.'
          : `${countOf(data.createdWithoutEmail, 'new learner')} had no email address: give each of them ` +
            'their activation code, shown in the report.'
        : '';
    blocks.push(paragraph(`${sent}${codes}`.trim()));
  }
  blocks.push(
    ...rejections(data),
    { kind: 'action', label: 'View the report', url: mailUrl(context, mailPaths.importReport, params) },
    {
      kind: 'action',
      label: 'Download the report as CSV',
      url: mailUrl(context, mailPaths.importReportCsv, params),
    },
  );
  return {
    subject: `Learners upload: ${summary(data)} (${data.fileName})`,
    greeting: `Dear ${data.recipientName},`,
    blocks,
    footer: {
      reason: `You received this email because you uploaded learners for ${data.centreName} to LAR.`,
    },
  };
}
