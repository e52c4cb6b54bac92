// Browser-safe (no dictionary): forms use these for their input attributes.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
