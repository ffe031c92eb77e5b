import { Link } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { ImportCatalogueForm } from '@/features/catalogue/components/import-form';
import { RequireRole } from '../../require-role';

const example = `{
  "units": [
    { "urn": "F/601/7513", "title": "Use office equipment", "level": "2", "credits": 3 },
    { "urn": "F/601/7514", "title": "Handle mail", "level": "1", "credits": 4 },
    { "urn": "F/601/7515", "title": "Store and retrieve information", "level": "2", "credits": 4 }
  ],
  "qualifications": [
    {
      "qan": "600/0001/6",
      "title": "Level 2 Award in Office Skills",
      "level": "2",
      "minCredits": 7,
      "groups": [
        { "id": "M", "title": "Mandatory units", "all": true, "units": ["F/601/7513"] },
        { "id": "A", "title": "Optional units", "minCredits": 4, "units": ["F/601/7514", "F/601/7515"] }
      ]
    }
  ]
}`;

function Form() {
  const administrator = useMe().data?.role === 'administrator';
  return <ImportCatalogueForm administrator={administrator} />;
}

function Intro() {
  const administrator = useMe().data?.role === 'administrator';
  return (
    <p className="lead">
      Publish units and qualifications with their rules of combination by importing a catalogue file.
      {administrator
        ? ' Name the awarding organisation that owns the entries.'
        : ' The entries belong to your organisation.'}
    </p>
  );
}

export default function CatalogueImportPage() {
  return (
    <>
      <DocumentTitle title="Import a catalogue file" />
      <Link to={paths.catalogue.getHref()} className="back-link">
        Catalogue
      </Link>
      <h1>Import a catalogue file</h1>
      <RequireRole roles={['administrator', 'awarding_organisation']}>
        <Intro />
        <section aria-labelledby="prepare-title">
          <h2 id="prepare-title">Prepare your file</h2>
          <p>
            The file is one JSON object with two lists: <code>units</code>, the catalogue entries (URN, title,
            level and credit value), and <code>qualifications</code>, each with its rules of combination.
          </p>
          <ul className="list-bullet">
            <li>A unit already in the catalogue is updated; a new one is added.</li>
            <li>
              A qualification whose rules have changed gets a new version. Earlier versions are kept, and
              learners’ progress is worked out with the new one.
            </li>
            <li>
              LAR checks the whole file first. If anything is wrong, nothing is imported and every problem is
              listed, with where it is in the file.
            </li>
            <li>Importing the same file again changes nothing.</li>
          </ul>
          <details className="details">
            <summary className="details__summary">An example file</summary>
            <pre className="details__text code-block">{example}</pre>
          </details>
        </section>
        <section aria-labelledby="import-title">
          <h2 id="import-title">Import your file</h2>
          <Form />
        </section>
      </RequireRole>
    </>
  );
}
