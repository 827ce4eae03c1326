// Validation rules the console's forms share.

/** A field the form cannot be sent without, and what to say while it is empty. */
export const required = (message: string) => [{ required: true, message }];
