import { type Static, Type } from '@sinclair/typebox';

/** Types of organisation that may request an account (the service desk is created by hand). */
export const RequestableOrganisationType = Type.Union([
  Type.Literal('CENTRE'),
  Type.Literal('THIRD_PARTY'),
  Type.Literal('AWARDING_ORGANISATION'),
]);

export const Role = Type.Union(
  ['learner', 'centre', 'third_party', 'awarding_organisation', 'administrator'].map((r) => Type.Literal(r)),
);
export type Role = 'learner' | 'centre' | 'third_party' | 'awarding_organisation' | 'administrator';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** The public "request access" form. Field errors name these fields. */
export const AccountRequestInput = Type.Object(
  {
    fullName: Text(100),
    email: Type.String({ maxLength: 254 }),
    organisationType: RequestableOrganisationType,
    /** UKPRN (8 digits, 10000000–99999999) or NCN (5 digits). */
    centreCode: Type.String({ maxLength: 20 }),
    organisationName: Text(200),
    address: Text(500),
    phone: Type.String({ maxLength: 30 }),
  },
  { $id: 'AccountRequestInput' },
);
export type AccountRequestInput = Static<typeof AccountRequestInput>;

export const AccountRequest = Type.Object(
  {
    id: Type.String(),
    fullName: Type.String(),
    email: Type.String(),
    organisationType: RequestableOrganisationType,
    centreCode: Type.String(),
    codeType: Type.Union([Type.Literal('UKPRN'), Type.Literal('NCN')]),
    organisationName: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    status: Type.Union([Type.Literal('PENDING'), Type.Literal('APPROVED'), Type.Literal('DECLINED')]),
    declineReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'AccountRequest' },
);
export type AccountRequest = Static<typeof AccountRequest>;

export const SignInInput = Type.Object({ userId: Text(100), password: Text(200) }, { $id: 'SignInInput' });
export const LearnerSignInInput = Type.Object(
  { uln: Text(20), password: Text(200) },
  { $id: 'LearnerSignInInput' },
);

/** Who is signed in. */
export const Me = Type.Object(
  {
    kind: Type.Union([Type.Literal('user'), Type.Literal('learner')]),
    id: Type.String(),
    role: Role,
    name: Type.String(),
    /** The User ID (organisation users) or the ULN (learners) they sign in with. */
    signInId: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    organisation: Type.Union([
      Type.Object({ id: Type.String(), name: Type.String(), code: Type.String(), type: Type.String() }),
      Type.Null(),
    ]),
    /** A system-generated password: the app must send them to first sign-in. */
    mustChangePassword: Type.Boolean(),
    hasMemorableInformation: Type.Boolean(),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof Me>;

export const FirstSignInInput = Type.Object(
  { newPassword: Text(200), memorableInformation: Text(50) },
  { $id: 'FirstSignInInput' },
);
export const ChangePasswordInput = Type.Object(
  { currentPassword: Text(200), newPassword: Text(200) },
  { $id: 'ChangePasswordInput' },
);
export const MemorableInformationInput = Type.Object(
  { currentPassword: Text(200), memorableInformation: Text(50) },
  { $id: 'MemorableInformationInput' },
);
export const ChangeEmailInput = Type.Object(
  { currentPassword: Text(200), newEmail: Type.String({ maxLength: 254 }) },
  { $id: 'ChangeEmailInput' },
);
export const TokenInput = Type.Object({ token: Text(200) }, { $id: 'TokenInput' });

export const PasswordResetRequestInput = Type.Object(
  {
    kind: Type.Union([Type.Literal('user'), Type.Literal('learner')]),
    /** User ID, or ULN for a learner. */
    signInId: Text(100),
  },
  { $id: 'PasswordResetRequestInput' },
);
/** The positions (1-based) of memorable-information characters the service asks for. */
export const PasswordResetChallenge = Type.Object(
  {
    positions: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 3, maxItems: 3 }),
    /** Whose password it resets, so the app can point to the right sign-in page afterwards. */
    kind: Type.Union([Type.Literal('user'), Type.Literal('learner')]),
  },
  { $id: 'PasswordResetChallenge' },
);
export const PasswordResetCompleteInput = Type.Object(
  {
    token: Text(200),
    /** One character for each position asked, in the same order. */
    characters: Type.Array(Type.String({ minLength: 1, maxLength: 1 }), { minItems: 3, maxItems: 3 }),
    newPassword: Text(200),
  },
  { $id: 'PasswordResetCompleteInput' },
);

export const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'ApiToken' },
);
export const NewApiToken = Type.Composite([ApiToken, Type.Object({ token: Type.String() })], {
  $id: 'NewApiToken',
});
export const ApiTokenInput = Type.Object({ name: Text(100) }, { $id: 'ApiTokenInput' });

export const Account = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    fullName: Type.String(),
    email: Type.String(),
    organisation: Type.Object({
      id: Type.String(),
      name: Type.String(),
      code: Type.String(),
      type: Type.String(),
    }),
    disabled: Type.Boolean(),
    locked: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Account' },
);
export type Account = Static<typeof Account>;
