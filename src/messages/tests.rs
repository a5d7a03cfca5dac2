use super::*;
use crate::diagnostics::Code;

#[test]
fn every_catalog_parses_without_error() {
    for (code, text) in CATALOGS {
        if let Err((_, errors)) = FluentResource::try_new((*text).to_owned()) {
            panic!("{code}.ftl: {errors:?}");
        }
    }
}

#[test]
fn every_message_is_in_every_catalog_with_the_same_attributes() {
    let english = Messages::english().ids();
    for language in ToolLanguage::all() {
        let other = Messages::of(language).ids();
        assert_eq!(
            english.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            other.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            "{}.ftl has the messages of en.ftl, in the same order",
            language.code()
        );
        assert_eq!(english, other, "{}.ftl: the same attributes", language.code());
    }
}

#[test]
fn every_code_has_a_message_and_a_hint() {
    for code in Code::ALL {
        let id = code.message_id();
        let known: Vec<(String, Vec<String>)> = Messages::english().ids();
        let entry = known.iter().find(|(name, _)| name == id);
        assert!(entry.is_some(), "{} ({id}) has no message in en.ftl", code.id());
        assert!(
            entry.is_some_and(|(_, attributes)| attributes.iter().any(|a| a == "hint")),
            "{} ({id}) says what to do: it has a .hint",
            code.id()
        );
    }
}

#[test]
fn the_language_comes_from_the_command_line_then_the_site_then_the_environment() {
    let it = ToolLanguage::from_code("it_IT.UTF-8");
    assert_eq!(it.map(ToolLanguage::code), Some("it"));
    assert_eq!(ToolLanguage::from_code("de_DE"), None);
    assert_eq!(ToolLanguage::choose(it, Some(ToolLanguage::ENGLISH)), it.unwrap());
    assert_eq!(ToolLanguage::choose(None, it), it.unwrap());
}

#[test]
fn values_are_filled_in_and_plurals_chosen() {
    let en = Messages::english();
    let one = en.text(
        "interface-strings-missing",
        &[("count", Arg::from(1usize)), ("keys", Arg::from("a"))],
    );
    let two = en.text(
        "interface-strings-missing",
        &[("count", Arg::from(2usize)), ("keys", Arg::from("a, b"))],
    );
    assert_eq!(one, "1 interface string missing: a");
    assert_eq!(two, "2 interface strings missing: a, b");
    let it = Messages::of(ToolLanguage::from_code("it").unwrap());
    assert_eq!(
        it.text(
            "interface-strings-missing",
            &[("count", Arg::from(2usize)), ("keys", Arg::from("a, b"))]
        ),
        "mancano 2 testi dell'interfaccia: a, b"
    );
}
