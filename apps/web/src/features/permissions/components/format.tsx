import type { OrganisationSummary, PermissionView } from '@lar/shared/api';

export const organisationTypeLabels: Record<OrganisationSummary['type'], string> = {
  CENTRE: 'Centre',
  THIRD_PARTY: 'Employer or other provider',
  AWARDING_ORGANISATION: 'Awarding organisation',
};

export const organisationType = (type: string) =>
  organisationTypeLabels[type as OrganisationSummary['type']] ?? type;

export type PermissionStatus = 'active' | 'expired' | 'revoked';

export const permissionStatus = (permission: PermissionView): PermissionStatus =>
  permission.revokedAt ? 'revoked' : permission.active ? 'active' : 'expired';

const labels: Record<PermissionStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };
const tones: Record<PermissionStatus, string> = { active: 'SENT', expired: 'CLOSED', revoked: 'CLOSED' };

/** The status in words, coloured as well. */
export function PermissionStatusTag({ permission }: { permission: PermissionView }) {
  const status = permissionStatus(permission);
  return (
    <strong className="tag" data-status={tones[status]}>
      {labels[status]}
    </strong>
  );
}
