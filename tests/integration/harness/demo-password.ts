/** The password of every demo account in these tests. */
export const demoPassword = 'integration-demo-password';
