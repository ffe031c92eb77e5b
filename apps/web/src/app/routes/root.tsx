import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { ServiceStatus } from '@/features/health/components/service-status';

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

export function RootLayout() {
  useFocusMainOnNavigation();
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
              <li>
                <NavLink to={paths.home.getHref()} end className="header__nav-link">
                  Home
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.status.getHref()} className="header__nav-link">
                  Service status
                </NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
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
