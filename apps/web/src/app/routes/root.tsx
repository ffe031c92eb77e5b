import type { Me } from '@lar/shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, Navigate, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { authKeys, useMe } from '@/features/auth/api/get-me';
import { useSignOut } from '@/features/auth/api/sign-out';
import { ServiceStatus } from '@/features/health/components/service-status';
import { onUnauthorized } from '@/lib/api-client';

const MAIN_ID = 'main-content';

/**
 * After a client-side navigation, put keyboard and screen-reader focus at the start of the new
 * page, as a full page load would. Not on the first render: the browser already starts at the top.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
  }, [pathname]);
}

/**
 * A 401 that a refresh could not cure means the session is over: `me` becomes "signed out", so the
 * header and the guarded pages change at once.
 */
function useSessionEndsOnUnauthorized() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized(() => {
        if (queryClient.getQueryData(authKeys.me)) queryClient.setQueryData(authKeys.me, null);
      }),
    [queryClient],
  );
}

interface NavItem {
  href: string;
  label: string;
  end?: boolean;
}

/** The main navigation: what everyone sees, then what the signed-in role may use. */
export function navItems(me: Me | null | undefined): NavItem[] {
  const items: NavItem[] = [
    { href: paths.home.getHref(), label: 'Home', end: true },
    { href: paths.status.getHref(), label: 'Service status' },
  ];
  if (!me) return items;
  if (me.role === 'administrator') {
    items.push(
      { href: paths.adminAccountRequests.getHref(), label: 'Account requests' },
      { href: paths.adminAccounts.getHref(), label: 'Accounts' },
      { href: paths.adminOutbox.getHref(), label: 'Mail outbox' },
    );
  }
  if (me.role === 'centre') {
    items.push(
      { href: paths.learners.getHref(), label: 'Learners' },
      { href: paths.claims.getHref(), label: 'Claims' },
      { href: paths.selectLar.getHref(), label: 'Select LAR' },
    );
  }
  if (me.role === 'third_party') items.push({ href: paths.selectLar.getHref(), label: 'Select LAR' });
  if (me.role === 'awarding_organisation') {
    items.push(
      { href: paths.achievements.getHref(), label: 'Achievements' },
      { href: paths.claims.getHref(), label: 'Claims' },
      { href: paths.apiTokens.getHref(), label: 'API tokens' },
    );
  }
  // "My record" stays current on its sub-pages (permissions, access log, qualifications).
  if (me.role === 'learner') items.push({ href: paths.myRecord.getHref(), label: 'My record' });
  items.push(
    { href: paths.catalogue.getHref(), label: 'Catalogue' },
    { href: paths.profile.getHref(), label: 'Profile' },
  );
  return items;
}

function Account({ me }: { me: Me | null | undefined }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (me === undefined) return null;
  if (!me) {
    return (
      <p className="header__account">
        <Link to={paths.signIn.getHref()}>Sign in</Link>
        <span aria-hidden="true"> · </span>
        <Link to={paths.learnerSignIn.getHref()}>Learner sign in</Link>
      </p>
    );
  }
  return (
    <p className="header__account">
      Signed in as <strong>{me.name}</strong> <span aria-hidden="true">(</span>
      <button
        type="button"
        className="header__sign-out"
        aria-disabled={signOut.isPending || undefined}
        onClick={() => {
          if (signOut.isPending) return;
          signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn.getHref()) });
        }}
      >
        Sign out
      </button>
      <span aria-hidden="true">)</span>
    </p>
  );
}

/** While the password is the emailed one, every page but first sign-in sends the user there. */
function MustChangePassword({ me }: { me: Me | null | undefined }) {
  const { pathname, search } = useLocation();
  // The sign-in pages move on by themselves, keeping their own `next`.
  const exempt: string[] = [paths.firstSignIn.path, paths.signIn.path, paths.learnerSignIn.path];
  if (!me?.mustChangePassword || exempt.includes(pathname)) return null;
  return <Navigate replace to={paths.firstSignIn.getHref(`${pathname}${search}`)} />;
}

export function RootLayout() {
  useFocusMainOnNavigation();
  useSessionEndsOnUnauthorized();
  const me = useMe().data;
  return (
    <>
      <a href={`#${MAIN_ID}`} className="skip-link">
        Skip to main content
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <Link to={paths.home.getHref()} className="header__logo">
            <span className="header__logotype">LAR</span>
            <span className="header__service-name">Learner Achievement Record</span>
          </Link>
          <nav aria-label="Main" className="header__nav">
            <ul className="header__nav-list">
              {navItems(me).map((item) => (
                <li key={item.href}>
                  <NavLink to={item.href} end={item.end} className="header__nav-link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Account me={me} />
        </div>
      </header>
      <MustChangePassword me={me} />
      <div className="width-container">
        <main id={MAIN_ID} className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <ServiceStatus />
          <p className="footer__meta">
            LAR, the Learner Achievement Record, keeps a lifelong record of the credit learners achieve in
            units and qualifications of the Qualifications and Credit Framework.
          </p>
        </div>
      </footer>
    </>
  );
}

/**
 * Where pages render. It holds <ScrollRestoration /> rather than the layout does because it mounts
 * only once the first lazy page is on screen, so a link to `/#section` can scroll to the section.
 */
export function PageOutlet() {
  return (
    <>
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
