import { Link } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';

const terms = [
  {
    term: 'Credit',
    definition:
      'Credit measures how much learning something takes: 1 credit is about 10 hours. Credit is given at a level, from Entry 1 to level 8.',
  },
  {
    term: 'Unit',
    definition:
      'A small piece of learning with its own credit value and level, and a unit reference number (URN) such as F/601/7513. Credit for a unit is yours for life and can count towards more than one qualification.',
  },
  {
    term: 'Qualification',
    definition:
      'A set of units that together earn an Award (1 to 12 credits), a Certificate (13 to 36) or a Diploma (37 or more). Awarding organisations publish qualifications and award them.',
  },
  {
    term: 'Rules of combination',
    definition:
      'What a qualification asks for: which units are mandatory, how much credit to take from each group of optional units, and how much credit in total and at which levels.',
  },
  {
    term: 'Route to achievement',
    definition:
      'A set of units which, added to the ones a learner already has, would complete a qualification. LAR shows up to three of the shortest routes.',
  },
  {
    term: 'Permission',
    definition:
      'A learner’s choice to let one organisation see parts of their record (units, qualifications or progress) until a date they set. The learner can take it back at any time.',
  },
];

const roles = [
  {
    id: 'learners',
    title: 'Learners',
    intro: 'Your LAR is your own record of every unit and qualification you achieve, wherever you study.',
    tasks: [
      'see your units, your credit at each level and the qualifications you have been awarded',
      'track your progress towards qualifications, with the units you still need',
      'discover routes to achievement and qualifications at the next level that use units you already have',
      'try out “what if”: tick units to see at once how your progress would change',
      'choose who may see your record, and see everyone who has looked at it',
    ],
    note: 'When your centre registers you, LAR emails you a password. You sign in with your unique learner number (ULN) and that password.',
  },
  {
    id: 'centres',
    title: 'Centres and learning providers',
    intro: 'Centres register their learners and claim the qualifications those learners have earned.',
    tasks: [
      'add learners in bulk by uploading a CSV file, with a report on every row',
      'get an email when a learner may be able to claim a qualification, and work through the Possible Claims List',
      'submit claims to the awarding organisation and follow their decision',
      'view a learner’s record where the learner has given you permission',
    ],
    note: 'Your organisation asks for an account, giving its centre code (UKPRN or NCN). When the service desk approves it, you get a User ID and a password by email.',
  },
  {
    id: 'third-parties',
    title: 'Employers and other providers',
    intro:
      'Employers and other learning providers can see the parts of a learner’s record that the learner has chosen to share with them, using Select LAR.',
    tasks: [
      'enter the learner’s ULN and confirm your own password',
      'see exactly the sections the learner shared with you, until their permission ends',
    ],
    note: 'Every view is recorded. The learner can see that you looked, and may be told by email.',
  },
  {
    id: 'awarding-organisations',
    title: 'Awarding organisations',
    intro: 'Awarding organisations publish units and qualifications, and decide claims.',
    tasks: [
      'publish units and qualifications with their rules of combination',
      'record learners’ unit achievements by uploading a CSV file, or from your own systems through the API',
      'award or reject the claims centres submit; an awarded qualification appears on the learner’s record',
    ],
    note: 'You can only record achievements in the units your organisation awards.',
  },
  {
    id: 'service-desk',
    title: 'Service desk',
    intro: 'The service desk looks after the service and the people who use it.',
    tasks: [
      'approve or decline requests for organisation accounts',
      'disable accounts and reset passwords',
      'keep the catalogue of units and qualifications up to date',
      'search the audit log and check the emails the service sends',
    ],
    note: null,
  },
];

/** For a signed-in centre: straight to its learners. */
function CentreTasks() {
  const me = useMe().data;
  if (me?.role !== 'centre') return null;
  return (
    <section aria-labelledby="your-centre" className="inset-text">
      <h2 id="your-centre" className="inset-text__title">
        {me.organisation?.name ?? 'Your centre'}
      </h2>
      <ul className="list-bullet">
        <li>
          <Link to={paths.learnerImports.getHref()}>Add new learners</Link> by uploading a CSV file
        </li>
        <li>
          <Link to={paths.learners.getHref()}>Your learners</Link>: find a learner by name or ULN
        </li>
        <li>
          <Link to={paths.claims.getHref()}>Possible Claims List</Link>: qualifications your learners can
          claim, to check and submit
        </li>
        <li>
          <Link to={paths.selectLar.getHref()}>Select LAR</Link>: view a learner’s record where the learner
          has given you permission
        </li>
        <li>
          <Link to={paths.catalogue.getHref()}>The catalogue</Link>: units and qualifications, with their
          rules of combination
        </li>
      </ul>
    </section>
  );
}

/** For an employer or other provider: Select LAR. */
function ThirdPartyTasks() {
  const me = useMe().data;
  if (me?.role !== 'third_party') return null;
  return (
    <section aria-labelledby="your-third-party" className="inset-text">
      <h2 id="your-third-party" className="inset-text__title">
        {me.organisation?.name ?? 'Your organisation'}
      </h2>
      <ul className="list-bullet">
        <li>
          <Link to={paths.selectLar.getHref()}>Select LAR</Link>: view the parts of a learner’s record the
          learner has shared with you
        </li>
      </ul>
    </section>
  );
}

/** For an awarding organisation: recording achievements and deciding claims. */
function AwardingTasks() {
  const me = useMe().data;
  if (me?.role !== 'awarding_organisation') return null;
  return (
    <section aria-labelledby="your-awarding" className="inset-text">
      <h2 id="your-awarding" className="inset-text__title">
        {me.organisation?.name ?? 'Your organisation'}
      </h2>
      <ul className="list-bullet">
        <li>
          <Link to={paths.achievements.getHref()}>Record achievements</Link> by uploading a CSV file, and
          withdraw one recorded in error
        </li>
        <li>
          <Link to={paths.claims.getHref()}>Claims to decide</Link>: award qualifications or reject claims
          that centres have submitted
        </li>
      </ul>
    </section>
  );
}

/** For a signed-in learner: their record. */
function LearnerTasks() {
  const me = useMe().data;
  if (me?.role !== 'learner') return null;
  return (
    <section aria-labelledby="your-record" className="inset-text">
      <h2 id="your-record" className="inset-text__title">
        Your record
      </h2>
      <ul className="list-bullet">
        <li>
          <Link to={paths.myRecord.getHref()}>My record</Link>: your units, credit at each level, progress
          towards qualifications and “what if”
        </li>
        <li>
          <Link to={paths.myQualifications.getHref()}>My qualifications</Link>: the qualifications you have
          been awarded, with the units that achieved them
        </li>
        <li>
          <Link to={paths.myPermissions.getHref()}>Who can see your record</Link>: give a centre or employer
          permission, or take it back
        </li>
        <li>
          <Link to={paths.myAccessLog.getHref()}>Who has viewed your record</Link>, and emails when they do
        </li>
      </ul>
    </section>
  );
}

/** For the roles that publish units and qualifications: the catalogue and its import. */
function CatalogueTasks() {
  const me = useMe().data;
  if (me?.role !== 'administrator' && me?.role !== 'awarding_organisation') return null;
  return (
    <section aria-labelledby="your-catalogue" className="inset-text">
      <h2 id="your-catalogue" className="inset-text__title">
        Catalogue
      </h2>
      <ul className="list-bullet">
        <li>
          <Link to={paths.catalogueImport.getHref()}>Import a catalogue file</Link> of units and
          qualifications with their rules of combination
        </li>
        <li>
          <Link to={paths.catalogue.getHref()}>Browse the catalogue</Link>: find a qualification or a unit by
          its title, QAN or URN
        </li>
      </ul>
    </section>
  );
}

export default function HomePage() {
  return (
    <>
      <DocumentTitle title="Learner Achievement Record" />
      <h1>Learner Achievement Record</h1>
      <p className="lead">
        LAR keeps a lifelong record of the credit a learner achieves in units and qualifications. It shows
        learners how close they are to a qualification, tells their centres when they can claim one, and lets
        learners share chosen parts of their record with employers and other providers.
      </p>

      <CentreTasks />
      <ThirdPartyTasks />
      <LearnerTasks />
      <AwardingTasks />
      <CatalogueTasks />

      <nav aria-label="On this page" className="contents">
        <h2 className="contents__title">On this page</h2>
        <ul>
          <li>
            <a href="#what-is-a-lar">What a LAR is</a>
          </li>
          {roles.map((role) => (
            <li key={role.id}>
              <a href={`#${role.id}`}>{role.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="what-is-a-lar">
        <h2 id="what-is-a-lar">What a LAR is</h2>
        <p>
          A learner achievement record (LAR) is an online transcript of the credit a learner is awarded for
          units and qualifications. Each time an awarding organisation records a unit, LAR checks it against
          the rules of every qualification that uses that unit. When a learner has done enough for a
          qualification, their centre is told, claims it, and the awarding organisation awards it.
        </p>
        <dl className="terms">
          {terms.map(({ term, definition }) => (
            <div key={term} className="terms__row">
              <dt>{term}</dt>
              <dd>{definition}</dd>
            </div>
          ))}
        </dl>
      </section>

      {roles.map((role) => (
        <section key={role.id} aria-labelledby={role.id} className="role">
          <h2 id={role.id}>{role.title}</h2>
          <p>{role.intro}</p>
          <p>You can:</p>
          <ul className="list-bullet">
            {role.tasks.map((task) => (
              <li key={task}>{task}</li>
            ))}
          </ul>
          {role.note && <p>{role.note}</p>}
        </section>
      ))}
    </>
  );
}
