/** The password of every demo account in end-to-end runs. */
export const demoPassword: string;
