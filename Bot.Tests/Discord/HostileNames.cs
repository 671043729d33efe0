namespace CrossCoaching.Tests.Discord;

/// <summary>Strings a member can put in a display name, a nickname or a takeaway to make the bot post something else.</summary>
public static class HostileNames
{
    public static readonly string[] All =
    [
        "[Claim Nitro](https://discord.gift.example/free)",
        "[Claim Nitro](<https://evil.example>)",
        "@everyone",
        "@here look",
        "<@123456789012345678>",
        "<@!123456789012345678>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "```\n@everyone```",
        "`code` ``` breakout",
        "# Heading",
        "## Free Nitro",
        "> quoted",
        ">>> all quoted",
        "-# subtext",
        "- list item",
        "1. numbered",
        "||spoiler||",
        "**bold** __under__ ~~strike~~ *it*",
        "https://evil.example/phish",
        "discord.gg/abcdef",
        "@\u200Beveryone trick",
        "[Nitro]\u200B(https://evil.example)",
        "back\\slash \\[not](a link)",
        "line one\n# line two",
    ];

    public static TheoryData<string> Data() => [.. All];
}
