export enum Role {
  Admin = 'admin',
  Analyst = 'analyst',
  Integration = 'integration',
  Auditor = 'auditor',
}

export const ROLES = Object.values(Role);
