import type { Account } from '@lar/shared/api';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadedList } from '@/components/ui/access-problem';
import { ActionOutcome, type ReportOutcome, useActionOutcome } from '@/components/ui/action-outcome';
import { DateTime } from '@/components/ui/date-time';
import { TextField } from '@/components/ui/form';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { formErrorsFrom } from '@/lib/form-errors';
import { type AccountAction, useAccountAction } from '../api/account-actions';
import { useAccounts } from '../api/get-accounts';

const done: Record<AccountAction, (a: Account) => string> = {
  disable: (a) =>
    `${a.fullName}’s account (${a.userId}) is disabled. They cannot sign in until it is enabled.`,
  enable: (a) => `${a.fullName}’s account (${a.userId}) is enabled. They can sign in again.`,
  'reset-password': (a) =>
    `${a.fullName}’s password has been reset. We have emailed a new password to ${a.email}; they must change it when they sign in.`,
};

/** Search box (its text in `?query=`), the matching accounts, and the actions on each. */
export function AccountList() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const query = searchParams.get('query')?.trim() ?? '';
  const accounts = useAccounts(query);
  const { outcome, report, clear } = useActionOutcome();

  return (
    <>
      <ActionOutcome outcome={outcome} formId="account-action" />
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          const value = String(new FormData(event.currentTarget).get('query') ?? '').trim();
          clear();
          navigate(paths.adminAccounts.getHref({ query: value }));
        }}
      >
        <TextField
          key={query}
          formId="accounts"
          name="query"
          type="search"
          label="Search accounts"
          hint="User ID, name, email address, organisation name or code"
          defaultValue={query}
          autoComplete="off"
          spellCheck={false}
          className="input--width-30"
        />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      <LoadedList query={accounts} loading="Loading accounts…" what="accounts">
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{query ? `No accounts match “${query}”.` : 'There are no accounts.'}</p>
          ) : (
            <ScrollTable
              label="Accounts"
              wide
              caption={
                <>
                  {query ? `Accounts matching “${query}”` : 'All accounts'} ({data.items.length})
                </>
              }
              head={['User ID', 'Name', 'Organisation', 'Status', 'Last signed in', 'Actions']}
            >
              {data.items.map((account) => (
                <AccountRow key={account.id} account={account} report={report} />
              ))}
            </ScrollTable>
          )
        }
      </LoadedList>
    </>
  );
}

function StatusTags({ account }: { account: Account }) {
  const tags = [
    account.disabled && { label: 'Disabled', tone: 'FAILED' },
    account.locked && { label: 'Locked', tone: 'FAILED' },
    account.mustChangePassword && { label: 'Must change password', tone: 'PENDING' },
  ].filter((t): t is { label: string; tone: string } => Boolean(t));
  if (tags.length === 0) {
    return (
      <strong className="tag" data-status="SENT">
        Active
      </strong>
    );
  }
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag.label}>
          <strong className="tag" data-status={tag.tone}>
            {tag.label}
          </strong>
        </li>
      ))}
    </ul>
  );
}

function AccountRow({ account, report }: { account: Account; report: ReportOutcome }) {
  const action = useAccountAction();
  const run = (name: AccountAction) => {
    if (action.isPending) return;
    action.mutate(
      { id: account.id, action: name },
      {
        onSuccess: (updated) => report('success', done[name](updated ?? account)),
        onError: (error) => report('error', formErrorsFrom(error, []).general ?? ''),
      },
    );
  };
  const toggle: AccountAction = account.disabled ? 'enable' : 'disable';
  return (
    <tr>
      <td className="table__nowrap">
        <code>{account.userId}</code>
      </td>
      <td className="table__break">
        {account.fullName}
        <span className="secondary-text">{account.email}</span>
      </td>
      <td className="table__break">
        {account.organisation.name}
        <span className="secondary-text">{account.organisation.code}</span>
      </td>
      <td>
        <StatusTags account={account} />
      </td>
      <td className="table__nowrap">
        <DateTime value={account.lastSignInAt} />
      </td>
      <td>
        <div className="button-group">
          <button
            type="button"
            className={`button ${account.disabled ? 'button--secondary' : 'button--warning'}`}
            aria-disabled={action.isPending || undefined}
            aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.userId} (${account.fullName})`}
            onClick={() => run(toggle)}
          >
            {account.disabled ? 'Enable' : 'Disable'}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={action.isPending || undefined}
            aria-label={`Reset password of ${account.userId} (${account.fullName})`}
            onClick={() => run('reset-password')}
          >
            Reset password
          </button>
        </div>
      </td>
    </tr>
  );
}
