//! The one error shape the webview sees: `{code, message}`.
//!
//! Codes are core's [`ErrorCode`]s plus the few failures only the shell can
//! have, so the UI matches on a closed set of codes and shows the message.

use parley_core::ErrorCode;
use serde::Serialize;

/// Failures that belong to the shell, not to the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ShellErrorCode {
    /// A background task panicked or a lock was poisoned by an earlier panic.
    Internal,
    /// A path the user never chose, dropped or opened Parley with (#7).
    NotGranted,
}

/// A core code or a shell code; serialised as the bare snake_case string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum CommandErrorCode {
    Core(ErrorCode),
    Shell(ShellErrorCode),
}

/// What every command returns on failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CommandError {
    pub code: CommandErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError {
            code: CommandErrorCode::Shell(ShellErrorCode::Internal),
            message: message.into(),
        }
    }

    pub fn not_granted(message: impl Into<String>) -> Self {
        CommandError {
            code: CommandErrorCode::Shell(ShellErrorCode::NotGranted),
            message: message.into(),
        }
    }
}

impl From<parley_core::Error> for CommandError {
    fn from(e: parley_core::Error) -> Self {
        CommandError {
            code: CommandErrorCode::Core(e.code()),
            message: e.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_flat_code_and_message() {
        let e: CommandError = parley_core::Error::NotFound("article 7".into()).into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "not_found", "message": "article 7"}),
            "the UI reads `code` as a bare string, never a nested enum"
        );
        let json = serde_json::to_value(CommandError::internal("boom")).unwrap();
        assert_eq!(
            json["code"], "internal",
            "shell codes share the same flat string space as core codes"
        );
    }
}
