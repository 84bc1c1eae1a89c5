/** Account rules shared by server and pages (no database, no React Router). */
export const sessionAbsoluteHours = 12;
export const resetLinkMinutes = 60;
