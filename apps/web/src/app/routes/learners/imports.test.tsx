import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aMe, apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';
import { stubXhr } from '@/testing/xhr-stub';
import { anImport, IMPORT_ID } from './fixtures';

const centre = aMe({ role: 'centre' });
const earlier = anImport({ id: 'old-1', fileName: 'spring.csv', createdAt: '2026-03-02T10:00:00.000Z' });

function stubUploads(upload: Parameters<typeof stubApi>[0][string]) {
  return stubApi({
    'GET /api/v1/me': json(centre),
    'GET /api/v1/learners/imports': json({ items: [earlier], total: 1, page: 1, pageSize: 20 }),
    [`GET /api/v1/learners/imports/${IMPORT_ID}`]: json(anImport({ status: 'QUEUED', processedRows: 0 })),
    'POST /api/v1/learners/imports': upload,
  });
}

const chooseFile = (content = 'ULN,GivenName,FamilyName,DateOfBirth,Email\n', name = 'autumn-intake.csv') => {
  const file = new File([content], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Upload a file'), { target: { files: [file] } });
  return file;
};

let xhr: ReturnType<typeof stubXhr>;
afterEach(() => xhr?.restore());

describe('add new learners (/learners/imports)', () => {
  it('explains the file, links to the sample and lists earlier uploads', async () => {
    xhr = stubXhr();
    const api = stubUploads(json({}));
    renderRoute('/learners/imports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Add new learners' })).toBeTruthy();
    expect(document.title).toBe('Add new learners – LAR');
    const sample = screen.getByRole('link', { name: 'Download the sample CSV file' });
    expect(sample.getAttribute('href')).toBe('/api/v1/learners/imports/sample.csv');
    expect(sample.hasAttribute('download')).toBe(true);

    const table = await screen.findByRole('table', { name: /Uploads, newest first/ });
    const [, row] = within(table).getAllByRole('row');
    expect(
      within(row as HTMLElement)
        .getByRole('link', { name: 'spring.csv' })
        .getAttribute('href'),
    ).toBe('/learners/imports/old-1');
    expect(row?.textContent).toContain('Completed');
    expect(api.calls.find((c) => c.path === '/api/v1/learners/imports')?.search).toBe('?page=1&pageSize=20');
  });

  it('asks for a file before sending anything', async () => {
    xhr = stubXhr();
    stubUploads(json({}));
    renderRoute('/learners/imports');
    fireEvent.click(await screen.findByRole('button', { name: 'Upload file' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link', { name: 'Select a CSV file to upload' })).toBeTruthy();
    expect(xhr.sent).toEqual([]);
  });

  it('shows upload progress, then goes to the new upload’s page', async () => {
    xhr = stubXhr({ progress: [0.5] });
    let answer: (response: Response) => void = () => {};
    const api = stubUploads(() => new Promise<Response>((resolve) => (answer = resolve)));
    renderRoute('/learners/imports');
    await screen.findByRole('heading', { level: 1, name: 'Add new learners' });
    const file = chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));

    const bar = await screen.findByRole('progressbar', { name: 'Uploading autumn-intake.csv' });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('500'));
    expect(bar.getAttribute('max')).toBe('1000');
    expect(screen.getByText('50% uploaded (1 KB of 1 KB)')).toBeTruthy();
    // Announced politely, at the quarter marks only.
    expect(screen.getByText('50% uploaded.').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('button', { name: 'Uploading…' }).getAttribute('aria-disabled')).toBe('true');

    const request = xhr.sent[0];
    if (!request) throw new Error('expected an upload');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/learners/imports');
    expect(request.withCredentials).toBe(true);
    const sentFile = (request.body as FormData).get('file') as File;
    expect([sentFile.name, sentFile.size]).toEqual([file.name, file.size]);

    answer(json({ import: anImport({ status: 'QUEUED', processedRows: 0 }), alreadyProcessed: false }, 202));
    expect(await screen.findByRole('heading', { level: 1, name: 'autumn-intake.csv' })).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('says clearly that a file uploaded before changed nothing', async () => {
    xhr = stubXhr();
    stubUploads(json({ import: earlier, alreadyProcessed: true }));
    renderRoute('/learners/imports');
    await screen.findByRole('heading', { level: 1, name: 'Add new learners' });
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));

    const banner = await screen.findByRole('alert', { name: 'This file was uploaded before' });
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(banner.textContent).toContain(
      'Your centre uploaded the same file on 2 Mar 2026, 10:00 (spring.csv)',
    );
    expect(banner.textContent).toContain('nothing was changed');
    expect(
      within(banner).getByRole('link', { name: 'View the report of that upload' }).getAttribute('href'),
    ).toBe('/learners/imports/old-1');
    expect(screen.getByRole('heading', { level: 1, name: 'Add new learners' })).toBeTruthy();
  });

  it('shows the message of a 400 and lists the columns of a wrong header', async () => {
    xhr = stubXhr();
    stubUploads(
      apiError(400, 'CSV_HEADER', 'The header row is not right.', {
        missing: ['DateOfBirth'],
        unknown: ['Birthday'],
        repeated: ['Email'],
      }),
    );
    renderRoute('/learners/imports');
    await screen.findByRole('heading', { level: 1, name: 'Add new learners' });
    chooseFile('ULN,GivenName,FamilyName,Birthday,Email,Email\n1,a,b,c,d,e\n');
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link', { name: 'The header row is not right.' })).toBeTruthy();
    const items = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'The header row is not right.',
      'Missing columns: DateOfBirth',
      'Columns LAR does not recognise: Birthday',
      'Columns given more than once: Email',
    ]);
    const input = screen.getByLabelText('Upload a file');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('The header row is not right.', { selector: '.error-message *, .error-message' }),
    ).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows the message of a 413', async () => {
    xhr = stubXhr();
    stubUploads(
      apiError(413, 'CSV_TOO_MANY_ROWS', 'The file has more than 100,000 rows. Split it into smaller files.'),
    );
    renderRoute('/learners/imports');
    await screen.findByRole('heading', { level: 1, name: 'Add new learners' });
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain(
      'The file has more than 100,000 rows. Split it into smaller files.',
    );
  });

  it('refreshes an expired session once and sends the file again', async () => {
    xhr = stubXhr();
    let posts = 0;
    const api = stubUploads(() => {
      posts += 1;
      return posts === 1
        ? apiError(401, 'UNAUTHENTICATED', 'Sign in')
        : json({ import: anImport({ status: 'QUEUED', processedRows: 0 }), alreadyProcessed: false }, 202);
    });
    renderRoute('/learners/imports');
    await screen.findByRole('heading', { level: 1, name: 'Add new learners' });
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'autumn-intake.csv' })).toBeTruthy();
    expect(xhr.sent).toHaveLength(2);
    const postIndex = api.calls.findIndex((c) => c.method === 'POST');
    expect(
      api.calls
        .slice(postIndex)
        .map((c) => `${c.method} ${c.path}`)
        .slice(0, 3),
    ).toEqual(['POST /api/v1/learners/imports', 'GET /api/v1/me', 'POST /api/v1/learners/imports']);
  });

  it('is only for centres', async () => {
    xhr = stubXhr();
    stubApi({ 'GET /api/v1/me': json(aMe({ role: 'awarding_organisation' })) });
    renderRoute('/learners/imports');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeTruthy();
  });
});
