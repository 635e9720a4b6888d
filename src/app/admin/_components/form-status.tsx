// Under every form: the server's refusal word for word (or its field-by-field input errors),
// a problem found before sending (an amount that is not a number), or "Saved".
type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null };

export function FormStatus({
  error,
  problem,
  saved,
  savedText = "Saved",
}: {
  error?: ServerError | null;
  problem?: string | null;
  saved?: boolean;
  savedText?: string;
}) {
  const fields = Object.entries(error?.data?.fieldErrors ?? {}).filter(([, messages]) => messages?.length);
  const message =
    problem ??
    (error &&
      (fields.length
        ? fields.map(([field, messages]) => `${field}: ${messages!.join("; ")}`).join(" · ")
        : error.message));
  if (message) {
    return (
      <p className="error" role="alert">
        {message}
      </p>
    );
  }
  return saved ? (
    <p className="admin-saved" role="status">
      {savedText}
    </p>
  ) : null;
}
